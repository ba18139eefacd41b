import type { Command } from '../commands';
import type { BranchState } from '../state';
import { decideConfig } from './config';
import { decideCallTicket } from './calls';
import { decideCounter } from './counters';
import { decideUndoNoShow } from './no-show';
import { decidePostNotice, decideResolveNotice, decideUpdateNotice } from './notices';
import { fail, type Decision } from './result';
import { decideIssueTicket } from './tickets';
import { decideCancelTicket } from './cancel-ticket';
import { decideIngest } from './ingest';
import { decideTransfer } from './transfer';

export { nextTicketFor } from './tickets';
export { lastNoShowAt } from './no-show';
export { MAX_AHEAD_MS } from './times';
export { INGEST_CLOCK_SKEW_MS } from './ingest';
export { ok, fail, err, type Decision } from './result';

/**
 * Decides what a command means for the branch, as events, or why it cannot be done. Pure: the
 * server stamps and stores what this returns; `now` is the server's clock. One file per
 * concern beside this one; a new command adds its case here.
 */
export function decide(state: BranchState, cmd: Command, now: number): Decision {
  // A branch is created by its first command; it has no configuration before.
  if (cmd.type === 'CreateBranch') return decideConfig(state, cmd, now);
  const config = state.config;
  if (!config) return fail('not_found', 'branch_not_configured', 'this branch has no configuration yet');

  switch (cmd.type) {
    case 'IssueTicket':
      return decideIssueTicket(state, config, cmd, now);
    case 'CancelTicket':
      return decideCancelTicket(state, cmd);
    case 'IngestTicket':
      return decideIngest(state, config, cmd, now);
    case 'CounterAction':
    case 'PauseCounter':
      return decideCounter(state, config, cmd, now);
    case 'PostNotice':
      return decidePostNotice(state, config, cmd, now);
    case 'UpdateNotice':
      return decideUpdateNotice(state, cmd, now);
    case 'ResolveNotice':
      return decideResolveNotice(state, cmd, now);
    case 'CallTicket':
      return decideCallTicket(state, config, cmd, now);
    case 'TransferTicket':
      return decideTransfer(state, config, cmd);
    case 'UndoNoShow':
      return decideUndoNoShow(state, config, cmd, now);
    default:
      // Branch details, services, counters, presets, screens: see config.ts.
      return decideConfig(state, cmd, now);
  }
  return fail('invalid', 'unknown_command', 'unknown command');
}
