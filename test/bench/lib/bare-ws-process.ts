/**
 * The reference: a bare `ws` server that speaks just enough Socket.IO for the same screen client
 * (open, namespace connect, ping) and, on `POST /send?branch=…`, sends the body's bytes to every
 * socket of that branch. What Branchboard adds on top of it is what the bench measures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveIpc } from './probes';

const groups = new Map<string, Set<WebSocket>>();
/** The last seq sent to each branch: a screen that joins later starts from it, as from a real snapshot. */
const heads = new Map<string, number>();
const http = createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  if (req.method !== 'POST' || url.pathname !== '/send') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const bytes = Buffer.concat(chunks).toString();
    const seq = /"seq":(\d+)/.exec(bytes);
    if (seq) heads.set(url.searchParams.get('branch') ?? '', Number(seq[1]));
    for (const ws of groups.get(url.searchParams.get('branch') ?? '') ?? []) ws.send(bytes);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
const wss = new WebSocketServer({ server: http, path: '/socket.io/', perMessageDeflate: false, clientTracking: false });
wss.on('connection', (ws) => {
  ws.send('0{"sid":"ref","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":16384}');
  let group: Set<WebSocket> | undefined;
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('40')) return;
    const { branch } = JSON.parse(text.slice(2) || '{}') as { branch: string };
    group = groups.get(branch) ?? new Set();
    groups.set(branch, group);
    group.add(ws);
    ws.send('40{"sid":"ref"}');
    ws.send(`42["snapshot",{"state":{"seq":${heads.get(branch) ?? 0}},"serverTime":0}]`);
  });
  ws.on('close', () => group?.delete(ws));
});

serveIpc(async (msg) => {
  switch (msg.op) {
    case 'start':
      await new Promise<void>((ok) => http.listen(0, '127.0.0.1', () => ok()));
      return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    case 'stop':
      await new Promise<void>((ok) => http.close(() => ok()));
      return null;
  }
  throw new Error(`unknown op ${String(msg.op)}`);
});
