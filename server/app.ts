import { noNulInJson, noNulInUrl } from './http/no-nul';
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Server as SocketServer } from 'socket.io';
import { pino, type DestinationStream, type Logger } from 'pino';
import { DEFAULT_POLICY, LoginThrottle } from './auth/login-throttle';
import { HashingWork } from './auth/passwords';
import { Sessions } from './auth/sessions';
import { Users } from './auth/users';
import { BranchStates } from './commands/branch-states';
import { CommittedEvents } from './commands/committed';
import { CommandHandler } from './commands/execute';
import { BranchAdmin } from './console/branch-admin';
import { PresetLibrary } from './console/preset-library';
import { StaffAdmin } from './console/staff-admin';
import { ServerConfig, type ServerConfigInput } from './config';
import { loadSession } from './http/auth';
import { errorHandler, sendError } from './http/errors';
import { jsonBodiesOnly } from './http/json-only';
import { strictTransportSecurity } from './http/transport-security';
import type { KioskDirectory } from './http/kiosk-identity';
import { openApiDocument } from './http/openapi';
import { opsRoutes } from './ops/health';
import { Metrics } from './ops/metrics';
import { drain } from './ops/shutdown';
import { ClusterLink } from './cluster/cluster-link';
import { appVersion } from './realtime/app-version';
import { voiceRoute } from './http/voice-route';
import { sendFavicon } from './http/favicon';
import { lobbyPage } from './http/lobby-page';
import { precompressedScripts } from './http/precompressed';
import { BranchStream } from './realtime/stream';
import { DEFAULT_STREAM_LIMITS, StreamLimits } from './realtime/stream-limits';
import { WaitEstimateService } from './realtime/wait-estimates';
import { accountSessionRoutes } from './routes/account-sessions';
import { branchCommandRoutes, TICKET_PATH, ticketRoute } from './routes/branch-commands';
import { ticketMoveRoutes } from './routes/ticket-moves';
import { branchReadRoutes } from './routes/branch-reads';
import { consoleConfigRoutes } from './routes/console-config';
import { staffRoutes } from './routes/staff';
import { screenRoutes } from './routes/screens';
import { StaffFeed } from './realtime/staff-feed';
import { ScreenRegistry } from './screens/screen-registry';
import { ScreenSockets } from './screens/screen-sockets';
import { sessionRoutes } from './routes/session';
import { phoneTicketRoutes } from './routes/phone-tickets';
import { ingestRoutes } from './routes/ingest';
import { IngestService } from './ingest/ingest-service';
import { IngestTickets } from './store/ingest-tickets';
import { IntegrationTokens } from './store/integration-tokens';
import { TicketLinks } from './store/ticket-links';
import { seedDemo, type DemoAccount } from './seed/seed-demo';
import { historyRoutes } from './routes/history-routes';
import { replayRoutes } from './routes/replay-routes';
import { ReplayService } from './history/replay';
import { ReplayPng } from './history/replay-png';
import { ReplaySigner } from './history/signing';
import type { HistoryFollower } from './history/history-follower';
import { HistoryThread } from './history/history-thread';
import { HistoryStore } from './history/history-store';
import { ScreenRenders } from './history/screen-renders';
import { webhookRoutes } from './routes/webhook-routes';
import { alertsFeedRoutes } from './routes/alerts-feed';
import { phoneQrRoutes } from './routes/phone-qr';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { PromiseWatcher } from './webhooks/promise-watcher';
import { WebhookStore } from './webhooks/webhook-store';
import { CommandReplies } from './store/command-replies';
import { openStores } from './store/open';
import { SqlEventStore, type EventStore } from './store/event-store';
import type { Sql } from './store/sql';
import { LISTEN_BACKLOG } from './http/listen-backlog';

export interface RunningServer {
  url: string;
  /** The Express app (the OpenAPI test walks its routes). */
  app: express.Express;
  port: number;
  http: HttpServer;
  sql: Sql;
  store: EventStore;
  /** This node's cache of branch states, fed from the log. */
  states: BranchStates;
  /** The command path: execute({branch, command, key, actor, fingerprint}). */
  commands: CommandHandler;
  committed: CommittedEvents;
  /** The history read models (notices, figures, audit), kept up to date from committed events (on a thread of their own). */
  history: HistoryFollower;
  /** What each paired screen reported it rendered, for read receipts of notices. */
  screenRenders: ScreenRenders;
  logger: Logger;
  /** The demo accounts and their passwords when this start created them, to be shown once. */
  demoAccounts: DemoAccount[] | null;
  metrics: Metrics;
  /** The branch stream (Socket.IO): tests look at what its connections hold. */
  stream: BranchStream;
  /** Stops at once (tests): sockets and connections are cut. */
  close(): Promise<void>;
  /** Stops gracefully (SIGTERM): not ready, then screens sent away in batches, requests in flight finished. */
  shutdown(): Promise<void>;
}

/** Builds and starts one Branchboard node: API, sockets and built pages on one HTTP server. */
/** Parts a deployment (or a test) may supply; the defaults need nothing. */
export interface ServerParts {
  /** Where the log goes (tests keep it); default stdout. */
  logStream?: DestinationStream;
  /** Paired kiosks, for per-kiosk ticket limits (the console's screen pairing). */
  kiosks?: KioskDirectory;
  /** The clock commands are stamped with (tests set tickets issued earlier); default Date.now. */
  commandClock?: () => number;
  /** The clock of what happens by time alone — a promise passing, a screen going silent, webhook retries (tests move it); default Date.now. */
  clock?: () => number;
}

export async function startServer(input: ServerConfigInput = {}, deps: ServerParts = {}): Promise<RunningServer> {
  const config = ServerConfig.parse(input);
  const logger = pino({ level: config.logLevel, base: undefined }, deps.logStream);
  const stores = await openStores(config);
  const { sql } = stores;
  const store = new SqlEventStore(sql);
  const committed = new CommittedEvents(logger);
  const states = new BranchStates(store, committed);
  const commands = new CommandHandler(sql, store, states, new CommandReplies(sql), committed, deps.commandClock);
  const users = new Users(sql);
  const sessions = new Sessions(sql, users, config.sessionHours * 3600_000);
  const loginThrottle = new LoginThrottle(sql, {
    ...DEFAULT_POLICY,
    perAddressAccount: config.loginAttempts,
    perAddress: config.loginAddressAttempts,
    accountFree: config.loginAccountFree,
  });
  const replies = new CommandReplies(sql);
  // The manager console: branches, the preset library, staff (issue 6).
  const library = new PresetLibrary(sql);
  const branchAdmin = new BranchAdmin(sql, commands, store, states, library);
  const staffAdmin = new StaffAdmin(sql, users, replies, store, commands);
  // Staff changes a crash left out of their branches' logs are written before anything is served.
  await staffAdmin.finishPending();

  const app = express();
  const http = createServer(app);
  // Many nodes: Socket.IO over Redis, else over PostgreSQL, and every commit told to the other nodes (ClusterLink).
  // Imported only when configured: the Redis client alone is 650 modules, a second of a restart on one node.
  const bus = config.redisUrl
    ? await (await import('./cluster/redis-bus')).openRedisBus(config.redisUrl, logger)
    : config.databaseUrl
      ? await (await import('./cluster/postgres-bus')).openPostgresBus(config.databaseUrl, logger)
      : undefined;
  const streamLimits = new StreamLimits(config.trustProxy, { ...DEFAULT_STREAM_LIMITS, socketsPerAddress: config.socketsPerAddress });
  const stream = new BranchStream(http, states, store, new WaitEstimateService(states, store), committed, bus?.adapter, streamLimits);
  const cluster = bus ? new ClusterLink(stream.io as never, states, sql, logger) : undefined;
  if (cluster) commands.announce = cluster.announce;
  stream.version = config.appVersion ?? appVersion(resolve(config.distDir));
  // Paired screens report over their branch stream; the console's live feed is the /staff namespace.
  const screenRegistry = new ScreenRegistry(sql);
  const screenSockets = new ScreenSockets(stream.io as unknown as SocketServer, screenRegistry, deps.clock);
  stream.onScreen = (socket, branchId, token) => screenSockets.attach(socket, branchId, token);
  stream.onFailure = (err) => logger.warn({ err }, 'a stream connection failed (the database?): the screen connects again');
  const staffFeed = new StaffFeed(stream.io as unknown as SocketServer, { sessions, states, store, registry: screenRegistry, screens: screenSockets, committed });
  const kiosks = deps.kiosks ?? {
    kioskFor: async (branchId: string, token: string) => {
      const s = await screenRegistry.byToken(token);
      return s && s.kind === 'kiosk' && s.branchId === branchId ? { id: s.id, name: s.name } : undefined;
    },
  };
  // History read models (issue 12) follow committed events from the first one on.
  const historyStore = new HistoryStore(sql);
  // Read receipts: the screens' reports of what they rendered (record() is called per report).
  const screenRenders = new ScreenRenders(sql);
  // Webhooks: the outbox is filled in the read models' transaction, then sent by the dispatcher.
  const webhookStore = new WebhookStore(sql);
  const webhooks = new WebhookDispatcher(webhookStore, { allowLocal: config.webhooksAllowLocal, retryBaseMs: config.webhookRetryMs, clock: deps.clock }, logger);
  // promise.missed fires when a waiting ticket passes its promise, not at its call.
  const promises = new PromiseWatcher(sql, states, webhooks, deps.clock, logger);
  // Folded off the event loop (a worker thread on its own connection), which fills the webhook outbox
  // in the read models' transaction and says so; this node's dispatcher sends.
  const history = new HistoryThread({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous }, sql, store, logger, () => webhooks.kick());
  history.start(committed);
  webhooks.start();
  promises.start();
  // Read receipts and the screen.down webhook (issue 12) follow the screens' own reports.
  screenSockets.onChange((screen, removed) => {
    if (removed) return;
    if (screen.up && screen.renderedSeq !== null && screen.lastSeenAt !== null) {
      void screenRenders.record(screen.branchId, screen.id, screen.name, screen.renderedSeq, screen.lastSeenAt).catch((err) => logger.error({ err }, 'read receipt not recorded'));
    }
    const change = screen.log[0];
    if (!screen.up && change && !change.up) {
      const data = { screen: { id: screen.id, name: screen.name, kind: screen.kind, lastSeenAt: screen.lastSeenAt, renderedSeq: screen.renderedSeq } };
      void sql
        .tx((tx) => webhooks.enqueueDirect(tx, screen.branchId, 'screen.down', `${screen.id}:${change.at}`, data, change.at))
        .catch((err) => logger.error({ err }, 'screen.down webhook not queued'));
    }
  });
  const replay = new ReplayService(sql, store, states, historyStore, history);
  const signer = new ReplaySigner(config.signingKeyFile ?? join(resolve(config.dataDir), 'replay-signing-key.pem'));
  let selfUrl = '';
  const replayPng = new ReplayPng(() => selfUrl);
  const replayApi = replayRoutes({ states, replay, signer, png: replayPng });
  // The demo is for a newcomer's first `npm start`, never a surprise in production.
  const wantDemo = config.seedDemo === 'auto' ? stores.fresh && config.nodeEnv !== 'production' : config.seedDemo;
  const demoAccounts = wantDemo ? await seedDemo({ commands, admin: branchAdmin, staff: staffAdmin }, store, users, config.demoPassword) : null;
  const metrics = new Metrics({ sockets: () => stream.io.engine.clientsCount, branches: () => stream.branchCount() });
  commands.observe = (outcome, seconds) => metrics.command(outcome, seconds);
  committed.on((_branch, events) => metrics.committed(events.length));
  let draining = false;

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          // Lit's styleMap writes style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // Sent per request instead, when it came over HTTPS (see transport-security.ts).
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransportSecurity(config.secureCookies));
  app.use(jsonBodiesOnly());
  app.use(noNulInUrl());
  // Verifying a signed replay takes a whole state: its own, larger body limit, before the commands' one.
  app.use('/api/replay', replayApi.verify);
  app.use(express.json({ limit: '16kb', strict: true, reviver: noNulInJson }));
  app.use(metrics.http);
  app.use(loadSession(sessions));
  // The commands first (the busiest requests: a kiosk's tickets, a teller's calls): past every
  // layer that applies to them (headers, body limit, metrics, session) and before the routers that
  // never do. No path of the routers after them is one of theirs; moves before commands, whose
  // /counters/:counter/:action would otherwise take /call, /transfer and /undo-no-show.
  const links = new TicketLinks(sql);
  app.post(TICKET_PATH, ...ticketRoute(commands, { ticketsPerMinute: config.ticketsPerMinute, links, kiosks }));
  app.use('/api/branches', ticketMoveRoutes(commands));
  app.use('/api/branches', branchCommandRoutes(commands));

  app.use(
    opsRoutes({
      checks: [{ name: 'store', check: async () => void (await sql.get('SELECT 1 AS x')) }, ...(bus ? [{ name: bus.name === 'redis' ? 'redis' : 'postgres-bus', check: bus.check }] : [])],
      draining: () => draining,
      metrics,
      metricsToken: config.metricsToken,
    }),
  );
  // What the pages need to know about this installation: where phones can reach it.
  app.get('/api/site', (_req, res) => {
    res.json({ ok: true, publicUrl: config.publicUrl?.replace(/\/$/, '') ?? null });
  });
  // The lobby's QR code, drawn here (the screen then ships no QR encoder).
  app.use('/api', phoneQrRoutes());
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api/session', sessionRoutes({ users, sessions, throttle: loginThrottle, work: new HashingWork(), secureCookies: config.secureCookies, logger }));
  app.use('/api/users/:username/sessions', accountSessionRoutes({ users, sessions, logger }));
  app.use('/api/branches', branchReadRoutes(states));
  app.use('/api/tickets', phoneTicketRoutes(commands, states, links));
  const ingestTickets = new IngestTickets(sql);
  app.use('/api/branches', ingestRoutes(new IntegrationTokens(sql), new IngestService(commands, ingestTickets, states, deps.commandClock), states, { sql, replies, commands }));
  const consoleConfig = consoleConfigRoutes({ commands, admin: branchAdmin, states, store, library });
  app.use('/api/branches', consoleConfig.branches);
  app.use('/api/preset-library', consoleConfig.library);
  app.use('/api/users', staffRoutes(staffAdmin));
  const screens = screenRoutes({ commands, registry: screenRegistry, sockets: screenSockets, replies, states, store });
  app.use('/api/screen-pairings', screens.pairings);
  app.use('/api/branches', screens.branches);
  app.use('/api/overview', screens.overview);
  const historyApi = historyRoutes({ states, store, history: historyStore, service: history, screenRenders });
  app.use('/api/branches', historyApi.branch);
  app.use('/api/history', historyApi.across);
  app.use('/api/branches', replayApi.branch);
  const webhookApi = webhookRoutes({ states, store: webhookStore, dispatcher: webhooks, allowLocal: config.webhooksAllowLocal });
  app.use('/api/branches', webhookApi.branch);
  app.use('/api/webhooks', webhookApi.admin);
  app.use('/api/branches', alertsFeedRoutes(states));
  app.use('/api', (_req, res) => sendError(res, 404, 'not_found', 'no such API endpoint'));

  // The built pages: the lobby at /display/<branch>, the staff app at /admin/.
  const dist = resolve(config.distDir);
  const page = (name: string) => join(dist, name, 'index.html');
  app.use('/assets', precompressedScripts(join(dist, 'assets'), 365 * 24 * 3600), express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use('/voice', ...voiceRoute(config.dataDir));
  // /display/ is a lobby TV's own address: unpaired it shows a pairing code, paired its branch's board.
  app.get(['/display', '/display/'], (_req, res) => sendPage(res, page('display')));
  // /display/<branch> carries its branch's snapshot, so the board is drawn before the stream connects.
  app.get('/display/:branch', lobbyPage(states, page('display')));
  app.get(['/admin', '/admin/'], (_req, res) => sendPage(res, page('admin')));
  app.get(['/kiosk', '/kiosk/'], (_req, res) => sendPage(res, page('kiosk')));
  app.get('/kiosk/:branch', (_req, res) => sendPage(res, page('kiosk')));
  app.get('/t/:token', (_req, res) => sendPage(res, page('ticket')));
  app.get(['/favicon.svg', '/favicon.ico'], sendFavicon);
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));
  app.use(errorHandler(logger));

  // Housekeeping: old idempotency replies and expired sessions.
  const sweep = setInterval(() => {
    void replies.forgetOlderThan(Date.now());
    void links.forgetOlderThan(Date.now());
    void ingestTickets.forgetOlderThan(Date.now() - 3 * 24 * 3600_000);
    void sessions.purgeExpired(Date.now()).catch((err: unknown) => logger.warn({ err }, 'session purge failed'));
    void loginThrottle.purge(Date.now()).catch((err: unknown) => logger.warn({ err }, 'login throttle purge failed'));
  }, 3600_000);
  sweep.unref();

  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  selfUrl = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const stop = async (graceful: boolean) => {
    draining = true;
    if (graceful) await drain(http, stream.io, { delayMs: config.shutdownDelayMs, socketsOverMs: config.drainMs, requestsTimeoutMs: 10_000 });
    clearInterval(sweep);
    screenSockets.close();
    staffFeed.close();
    cluster?.close();
    await promises.stop();
    await history.stop();
    await webhooks.stop();
    await replayPng.close();
    await stream.close();
    await bus?.close();
    if (http.listening) await new Promise<void>((ok) => http.close(() => ok()));
    await stores.close();
  };

  return {
    url,
    app,
    port,
    http,
    sql,
    store,
    states,
    commands,
    committed,
    history,
    screenRenders,
    logger,
    demoAccounts,
    metrics,
    stream,
    close: () => (closing ??= stop(false)),
    shutdown: () => (closing ??= stop(true)),
  };
}

function sendPage(res: express.Response, file: string): void {
  if (!existsSync(file)) return sendError(res, 503, 'not_built', 'the pages are not built: run `npm run build`');
  res.sendFile(file);
}
