import type { Actor, CreateBranchBody, PresetBody } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { CommandHandler, CommandResult, ReplyShaper } from '../commands/execute';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import type { PresetLibrary } from './preset-library';

/** The client-made id of an action and what it must come with every time (see command-route.ts). */
export interface Idempotent {
  key: string;
  fingerprint: string;
  actor: Actor;
}

/** What a library change did: the branches that took it, and any that refused (and why). */
export interface FanOut {
  branches: string[];
  refused: { branch: string; code: string; message: string }[];
}

/**
 * The configuration commands that reach beyond one branch's existing log: opening a branch (a
 * new log, starting with the library) and changing the bank's preset library (an event in every
 * branch's log). Everything else is one command on one branch through `CommandHandler`. The
 * demo is built through these same methods.
 */
export class BranchAdmin {
  constructor(
    private readonly sql: Sql,
    private readonly commands: CommandHandler,
    private readonly store: EventStore,
    private readonly states: BranchStates,
    private readonly library: PresetLibrary,
  ) {}

  /** Opens a branch with the library's presets; a retry with the same key gets the same reply. */
  async createBranch(body: CreateBranchBody, id: Idempotent, shape?: ReplyShaper): Promise<CommandResult> {
    if (!(await this.store.branchExists(body.id))) {
      try {
        // An empty log first (no events): the branch's first event is the CreateBranch below.
        await this.commands.openBranch(body.id, null, id.actor);
      } catch (err) {
        // Another request opened it a moment ago: the command below decides who created it.
        if (!this.sql.isUniqueViolation(err)) throw err;
      }
    }
    const library = await this.library.list();
    return this.commands.execute({ branch: body.id, command: { type: 'CreateBranch', body, library }, ...id }, shape);
  }

  /** Changes a library preset and hands it to every branch (a branch's own override still wins there). */
  async putLibraryPreset(presetId: string, body: PresetBody, id: Idempotent): Promise<FanOut> {
    await this.library.put({ id: presetId, ...body }, Date.now(), id.actor.user ?? null);
    return this.fanOut(id, { type: 'UpsertPreset', presetId, body, source: 'library' });
  }

  async removeLibraryPreset(presetId: string, id: Idempotent): Promise<FanOut> {
    await this.library.remove(presetId);
    return this.fanOut(id, { type: 'RemovePreset', presetId, source: 'library' });
  }

  /**
   * One command per branch, each with the same key: a retry after a failure half-way is applied
   * once more only where it was not yet.
   */
  private async fanOut(id: Idempotent, command: Parameters<CommandHandler['execute']>[0]['command']): Promise<FanOut> {
    const out: FanOut = { branches: [], refused: [] };
    for (const branch of await this.store.branchIds()) {
      if (!(await this.states.get(branch))?.config) continue;
      const r = await this.commands.execute({ branch, command, ...id });
      if (r.ok) out.branches.push(branch);
      else out.refused.push({ branch, code: r.error.code, message: r.error.message });
    }
    return out;
  }
}
