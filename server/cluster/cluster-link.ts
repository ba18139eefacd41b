import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { BranchEvent } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { Sql } from '../store/sql';

/** How often a node checks the shared log for branches it serves, in case a message was lost. */
export const HEAL_MS = 3_000;
/** A node found behind the log waits this long before reading it: the message may be on its way. */
const IN_FLIGHT_MS = 1_000;

/**
 * What ties the nodes of one installation together: after a commit, the events go to every other
 * node (Socket.IO's serverSideEmit, over the Redis adapter), whose cache folds them and whose
 * CommittedEvents tell its screens and estimator. The log stays the only truth: a batch that
 * does not follow what a node holds (a gap, a message lost while Redis was away) is read from the
 * log instead, and every few seconds each node compares the branches it holds with the log's head.
 */
export class ClusterLink {
  private readonly healer: ReturnType<typeof setInterval>;
  private healing = false;
  private closed = false;

  constructor(
    private readonly io: Server,
    private readonly states: BranchStates,
    private readonly sql: Sql,
    private readonly logger: Logger,
  ) {
    io.on('bb:committed' as never, ((branchId: string, events: BranchEvent[]) => this.receive(branchId, events)) as never);
    this.healer = setInterval(() => void this.heal(), HEAL_MS);
    this.healer.unref();
  }

  /** This node committed `events`: tell the others (fire and forget; the heal covers a loss). */
  announce = (branchId: string, events: readonly BranchEvent[]): void => {
    try {
      this.io.serverSideEmit('bb:committed', branchId, events);
    } catch (err) {
      this.logger.warn({ err, branchId }, 'could not announce committed events to the other nodes');
    }
  };

  receive(branchId: string, events: readonly BranchEvent[]): void {
    if (!Array.isArray(events) || typeof branchId !== 'string') return;
    if (!this.states.accept(branchId, events)) void this.catchUp(branchId);
  }

  /** Compares every branch this node holds with the log's head and reads what it lacks. */
  async heal(): Promise<void> {
    const held = this.states.loaded();
    if (this.healing || !held.length) return;
    this.healing = true;
    try {
      for (let i = 0; i < held.length; i += 1000) {
        const chunk = held.slice(i, i + 1000);
        const heads = await this.sql.all<{ branch_id: string; seq: number }>(
          `SELECT branch_id, MAX(seq) AS seq FROM events WHERE branch_id IN (${chunk.map(() => '?').join(', ')}) GROUP BY branch_id`,
          chunk,
        );
        const behind = heads.filter((h) => Number(h.seq) > (this.states.peek(h.branch_id)?.seq ?? Infinity));
        if (!behind.length) continue;
        // A commit announced a moment ago may still be on the bus: only what stays missing is read from the log.
        await new Promise((r) => setTimeout(r, IN_FLIGHT_MS).unref());
        for (const h of behind) {
          const mine = this.states.peek(h.branch_id)?.seq ?? Infinity;
          if (Number(h.seq) > mine && !this.closed) {
            this.logger.info({ branchId: h.branch_id, held: mine, log: Number(h.seq) }, 'behind the log: catching up (a message from another node was lost)');
            await this.catchUp(h.branch_id);
          }
        }
      }
    } catch (err) {
      this.logger.warn({ err }, 'could not compare with the log');
    } finally {
      this.healing = false;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.healer);
  }

  private async catchUp(branchId: string): Promise<void> {
    try {
      await this.states.catchUp(branchId);
    } catch (err) {
      this.logger.warn({ err, branchId }, 'could not catch up from the log');
    }
  }
}
