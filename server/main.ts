import { startServer } from './app';
import { configFromEnv } from './config';

/** `npm start`: one Branchboard node on its embedded SQLite database. */
const config = configFromEnv();
const server = await startServer(config);
const { url, logger } = server;

logger.info({ url, dataDir: config.dataDir }, 'Branchboard is running');
const lines = [
  '',
  `  Branchboard is running on ${url}`,
  `  Lobby screen:  ${url}/display/demo`,
  `  Teller tablet: ${url}/admin/`,
  `  Data:          ${config.dataDir}`,
];
if (server.demoPassword) {
  lines.push(
    '',
    '  Demo accounts created: manager, teller1, teller2, teller3, teller4',
    // A password the operator chose is not echoed to logs; a generated one must be shown once.
    config.demoPassword
      ? '  Password/PIN for all of them: the one in BRANCHBOARD_DEMO_PASSWORD'
      : `  Password/PIN for all of them: ${server.demoPassword}  (generated now and shown only this once: note it down)`,
  );
}
console.log(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining sockets and requests');
    server.shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
