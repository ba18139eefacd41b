import { Router, type Request } from 'express';
import {
  CounterBody,
  CreateBranchBody,
  EmptyBody,
  PresetBody,
  presetOrigin,
  presetSources,
  ServiceBody,
  Slug,
  UpdateBranchBody,
  type BranchState,
  type Command,
} from '../../core';
import { mayActOn } from '../auth/users';
import type { BranchStates } from '../commands/branch-states';
import type { CommandHandler } from '../commands/execute';
import type { BranchAdmin } from '../console/branch-admin';
import type { PresetLibrary } from '../console/preset-library';
import { requireStaff } from '../http/auth';
import { runCommand } from '../http/command-route';
import { parse } from '../http/errors';
import { idempotentOf, sendResult } from '../http/idempotent';
import type { EventStore } from '../store/event-store';

const param = (req: Request, name: string) => parse(Slug, req.params[name], name);
const managers = requireStaff(['admin', 'manager']);
const adminOnly = requireStaff(['admin']);

/**
 * The manager console's configuration of branches: details, services, counters, presets, and
 * the bank's preset library. Each write is one command (validated, idempotent, an event in the
 * branch's log with who did it); removals that would break the running day answer 409.
 */
export function consoleConfigRoutes(deps: { commands: CommandHandler; admin: BranchAdmin; states: BranchStates; store: EventStore; library: PresetLibrary }): {
  branches: Router;
  library: Router;
} {
  const { commands, admin, states, store, library } = deps;
  const r = Router({ mergeParams: true });

  const withBranch = () => (_e: unknown, state: BranchState) => ({ body: { branch: state.config } });

  r.get('/', requireStaff(), async (req, res) => {
    const out = [];
    for (const id of await store.branchIds()) {
      if (!mayActOn(req.user!, id)) continue;
      const config = (await states.get(id))?.config;
      if (config) out.push(config);
    }
    res.json({ ok: true, branches: out });
  });

  r.post('/', adminOnly, async (req, res) => {
    const body = parse(CreateBranchBody, req.body ?? {});
    sendResult(res, await admin.createBranch(body, idempotentOf(req), (_e, state) => ({ status: 201, body: { branch: state.config } })));
  });

  r.patch('/:branch', managers, async (req, res) => {
    const branch = param(req, 'branch');
    await runCommand(commands, req, res, branch, { type: 'UpdateBranch', body: parse(UpdateBranchBody, req.body ?? {}) }, withBranch());
  });

  // Services and counters: PUT sets one as given (add or change), DELETE removes it.
  r.put('/:branch/services/:service', managers, async (req, res) => {
    const [branch, serviceId] = [param(req, 'branch'), param(req, 'service')];
    const body = parse(ServiceBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'UpsertService', serviceId, body }, (_e, s) => ({
      body: { service: s.config?.services.find((x) => x.id === serviceId), counters: s.config?.counters },
    }));
  });
  r.delete('/:branch/services/:service', managers, async (req, res) => {
    const [branch, serviceId] = [param(req, 'branch'), param(req, 'service')];
    await runCommand(commands, req, res, branch, { type: 'RemoveService', serviceId }, withBranch());
  });
  r.put('/:branch/counters/:counter', managers, async (req, res) => {
    const [branch, counterId] = [param(req, 'branch'), param(req, 'counter')];
    const body = parse(CounterBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'UpsertCounter', counterId, body }, (_e, s) => ({
      body: { counter: s.config?.counters.find((x) => x.id === counterId) },
    }));
  });
  r.delete('/:branch/counters/:counter', managers, async (req, res) => {
    const [branch, counterId] = [param(req, 'branch'), param(req, 'counter')];
    await runCommand(commands, req, res, branch, { type: 'RemoveCounter', counterId }, withBranch());
  });

  // A branch's presets: its own, its overrides of library ones, library ones hidden or restored.
  const withPreset = (presetId: string) => (_e: unknown, s: BranchState) => ({
    body: { preset: s.config?.presets.find((p) => p.id === presetId) ?? null, origin: presetOrigin(presetSources(s), presetId) ?? null },
  });
  r.put('/:branch/presets/:preset', managers, async (req, res) => {
    const [branch, presetId] = [param(req, 'branch'), param(req, 'preset')];
    const body = parse(PresetBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'UpsertPreset', presetId, body, source: 'branch' }, withPreset(presetId));
  });
  r.delete('/:branch/presets/:preset', managers, async (req, res) => {
    const [branch, presetId] = [param(req, 'branch'), param(req, 'preset')];
    await runCommand(commands, req, res, branch, { type: 'RemovePreset', presetId, source: 'branch' }, withPreset(presetId));
  });
  r.post('/:branch/presets/:preset/restore', managers, async (req, res) => {
    const [branch, presetId] = [param(req, 'branch'), param(req, 'preset')];
    parse(EmptyBody, req.body ?? {});
    const command: Command = { type: 'RestorePreset', presetId };
    await runCommand(commands, req, res, branch, command, withPreset(presetId));
  });

  // The bank-wide library: everyone reads it, the head office changes it, every branch follows.
  const lib = Router();
  lib.get('/', requireStaff(), async (_req, res) => {
    res.json({ ok: true, presets: await library.list() });
  });
  lib.put('/:preset', adminOnly, async (req, res) => {
    const presetId = param(req, 'preset');
    const body = parse(PresetBody, req.body ?? {});
    const fanOut = await admin.putLibraryPreset(presetId, body, idempotentOf(req));
    res.json({ ok: true, preset: { id: presetId, ...body }, ...fanOut });
  });
  lib.delete('/:preset', adminOnly, async (req, res) => {
    const presetId = param(req, 'preset');
    // Removing what is already gone changes nothing (a retry): no 404, so a retry reads as success.
    res.json({ ok: true, ...(await admin.removeLibraryPreset(presetId, idempotentOf(req))) });
  });

  return { branches: r, library: lib };
}
