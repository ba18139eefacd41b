/**
 * The HTTP floor for the commands section: express with the same helmet and JSON body parser as
 * Branchboard, answering a kiosk ticket with a reply of the same shape and nothing else (no
 * validation, no decision, no store). Branchboard's commands/s can never exceed this figure on
 * the same machine and load generator.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { serveIpc } from './probes';

let server: Server | undefined;
let n = 0;

serveIpc(async (msg) => {
  switch (msg.op) {
    case 'start': {
      const app = express();
      app.use(helmet());
      app.use(express.json({ limit: '16kb', strict: true }));
      app.post('/api/branches/:branch/tickets', (req, res) => {
        n++;
        res.status(201).json({ ok: true, seq: n, events: ['TicketIssued'], ticket: { id: `t-${n}`, number: `A${n % 1000}`, service: (req.body as { service?: string }).service, issuedAt: Date.now() } });
      });
      await new Promise<void>((ok) => (server = app.listen(0, '127.0.0.1', () => ok())));
      return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
    }
    case 'stop':
      await new Promise((ok) => server?.close(ok));
      return null;
  }
  throw new Error(`unknown op ${String(msg.op)}`);
});
