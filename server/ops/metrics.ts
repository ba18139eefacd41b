import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one node. Process-wide figures (CPU, memory, GC, event-loop delay from
 * `perf_hooks.monitorEventLoopDelay`) are collected once per process; the node's own (requests,
 * commands, sockets) live in a registry per server, so tests that start several servers in one
 * process don't mix them up.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

export interface SocketFigures {
  /** Connected sockets on this node. */
  sockets(): number;
  /** Branches with at least one screen on this node. */
  branches(): number;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'branchboard_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly requestSeconds = new Histogram({
    name: 'branchboard_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'branchboard_commands_total',
    help: 'Commands executed, by outcome (ok, replayed, or the error code)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly commandSeconds = new Histogram({
    name: 'branchboard_command_duration_seconds',
    help: 'Time from a command reaching the command path to its reply (decide, append, commit)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  private readonly events = new Counter({
    name: 'branchboard_events_committed_total',
    help: 'Domain events committed to the log, as seen by this node (its own and, on many nodes, the others\')',
    registers: [this.registry],
  });

  constructor(figures: SocketFigures) {
    new Gauge({
      name: 'branchboard_sockets',
      help: 'Socket.IO connections open on this node',
      registers: [this.registry],
      collect() {
        this.set(figures.sockets());
      },
    });
    new Gauge({
      name: 'branchboard_branches_with_screens',
      help: 'Branches with at least one screen connected to this node',
      registers: [this.registry],
      collect() {
        this.set(figures.branches());
      },
    });
  }

  /** Express middleware: counts and times every request under its route pattern (never the raw URL: bounded labels). */
  http = (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : req.path.startsWith('/assets/') ? '/assets' : 'other';
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      this.requestSeconds.observe({ method: req.method, route }, seconds);
    });
    next();
  };

  command(outcome: string, seconds: number): void {
    this.commands.inc({ outcome });
    this.commandSeconds.observe(seconds);
  }

  committed(events: number): void {
    this.events.inc(events);
  }

  /** The exposition text: this node's figures and the process's. */
  async text(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
