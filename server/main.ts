import { startServer } from './app';
import { configFromEnv } from './config';
import { announceDemo } from './seed/demo-banner';

/** `npm start`: one Branchboard node on its embedded SQLite database. */
const config = configFromEnv();
const server = await startServer(config).catch((error: NodeJS.ErrnoException & { port?: number; address?: string }) => {
  // The usual mistake (a second `npm start`, or another program on the port) deserves one clear line, not a stack.
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(
    `Branchboard cannot start: port ${error.port ?? config.port} on ${error.address ?? config.host} is already in use (another Branchboard still running?). Stop that process, or start with PORT=<another port>.`,
  );
  process.exit(1);
});
const { url, logger } = server;

const terminal = process.stdout.isTTY === true;
// In a terminal, said for a person (the JSON log follows); otherwise the log's own line.
if (terminal) console.log(['', `  Branchboard is running on ${url}`, `  Data:          ${config.dataDir}`].join('\n'));
else logger.info({ url, dataDir: config.dataDir, host: config.host }, 'Branchboard is running');
if (server.demoAccounts) {
  announceDemo(server.demoAccounts, {
    dataDir: config.dataDir,
    url,
    passwordFromEnv: config.demoPassword !== undefined,
    terminal,
    print: (text) => console.log(text),
    log: (msg, extra) => logger.warn(extra, msg),
  });
}

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
