/**
 * Feeds a branch a realistic synthetic day through the ingest API, so a newcomer sees the lobby,
 * the estimates and the phone tickets move.
 *
 *   npm run demo:replay -- --token <integration token> [--branch demo] [--url http://localhost:3000]
 *                          [--speed 30] [--seed 1] [--hours 8-17]
 *
 * --speed 30 plays the day 30 times faster than real time (9 hours in 18 minutes). Ctrl-C stops.
 * The token: a manager makes one with POST /api/branches/<branch>/integration-tokens {name}.
 */
import { replayDay, type ReplayOptions } from './demo/replay';

function parseArgs(argv: readonly string[]): ReplayOptions {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const token = get('token') ?? process.env.BRANCHBOARD_INTEGRATION_TOKEN;
  if (!token) throw new Error('usage: npm run demo:replay -- --token <integration token> [--branch demo] [--url http://localhost:3000] [--speed 30] [--seed 1] [--hours 8-17]');
  const hours = /^(\d{1,2})-(\d{1,2})$/.exec(get('hours') ?? '8-17');
  if (!hours || Number(hours[1]) >= Number(hours[2]) || Number(hours[2]) > 24) throw new Error('--hours wants a-b, e.g. 8-17');
  const speed = Number(get('speed') ?? '1');
  if (!(speed > 0)) throw new Error('--speed wants a positive number, e.g. 30');
  return {
    url: (get('url') ?? 'http://localhost:3000').replace(/\/+$/, ''),
    branch: get('branch') ?? 'demo',
    token,
    speed,
    seed: Number(get('seed') ?? '1') || 1,
    hours: [Number(hours[1]), Number(hours[2])],
  };
}

let stop = false;
process.on('SIGINT', () => (stop = true));
try {
  const o = parseArgs(process.argv.slice(2));
  const s = await replayDay({ ...o, log: (l) => console.log(l), stopped: () => stop });
  console.log(`done: ${s.sent} events sent, ${s.applied} applied, ${s.rejected} rejected`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
