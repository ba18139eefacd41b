/**
 * The Branchboard node under test, in a process of its own (so its heap and CPU are its own):
 * started by the bench over IPC, with as many configured branches as the run needs.
 */
import { toPublicEvent } from '../../../core';
import { startServer, type RunningServer } from '../../../server/app';
import { DEMO_BRANCH } from '../../../server/seed/demo-branch';
import { serveIpc } from './probes';
import { stallMark, writeStallLog } from './stall-log';

let server: RunningServer | undefined;

export const benchBranch = (i: number) => `bench-${i}`;

serveIpc(async (msg) => {
  switch (msg.op) {
    case 'start': {
      const { dataDir, port = 0, branches = 0 } = msg as { dataDir: string; port?: number; branches?: number };
      stallMark('start');
      server = await startServer({ port, host: '127.0.0.1', dataDir, logLevel: 'silent', ticketsPerMinute: 100_000_000, demoPassword: 'bench-pass-1234', distDir: process.env.DIST_DIR, databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, databasePoolSize: 20 });
      stallMark('listening');
      for (let i = 0; i < branches; i++) {
        const id = benchBranch(i);
        if (!(await server.store.branchExists(id))) await server.commands.openBranch(id, { ...DEMO_BRANCH, id }, { role: 'system' });
      }
      stallMark('started');
      return { url: `http://127.0.0.1:${server.port}`, port: server.port };
    }
    case 'lastEventFrame': {
      const branch = msg.branch as string;
      const state = (await server!.states.get(branch))!;
      const [e] = await server!.store.readSince(branch, state.seq - 1, 1);
      return `42${JSON.stringify(['event', toPublicEvent(e!)])}`;
    }
    case 'heads': {
      const heads: Record<string, number> = {};
      // The log's own head, not this node's cache: what "exact" means for a screen.
      const rows = await server!.sql.all<{ branch_id: string; seq: number }>('SELECT branch_id, MAX(seq) AS seq FROM events GROUP BY branch_id');
      for (const r of rows) heads[r.branch_id] = Number(r.seq);
      return heads;
    }
    case 'stop':
      await server?.close();
      server = undefined;
      return null;
  }
  throw new Error(`unknown op ${String(msg.op)}`);
});
