import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ClaimPairingBody, EmptyBody, PairScreenBody, RenameScreenBody, RequestPairingBody, ScreenSound, Slug, branchSummary } from '../../core';
import { mayActOn } from '../auth/users';
import type { BranchStates } from '../commands/branch-states';
import type { CommandHandler } from '../commands/execute';
import { requireStaff } from '../http/auth';
import { runCommand } from '../http/command-route';
import { HttpError, parse } from '../http/errors';
import { idempotentOf } from '../http/idempotent';
import type { ScreenRegistry } from '../screens/screen-registry';
import type { ScreenSockets } from '../screens/screen-sockets';
import type { CommandReplies } from '../store/command-replies';
import type { EventStore } from '../store/event-store';

const param = (req: Request, name: string) => parse(Slug, req.params[name], name);

/** A limiter with the uniform 429 body. */
const limit = (perMinute: number, code: string, message: string) =>
  rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => void res.status(429).json({ ok: false, error: { code, message } }),
  });

interface Deps {
  commands: CommandHandler;
  registry: ScreenRegistry;
  sockets: ScreenSockets;
  replies: CommandReplies;
  states: BranchStates;
  store: EventStore;
}

/**
 * Screens: a TV asks for a code on first start (public, rate-limited), a manager pairs it with
 * that code and a name, and then lists, renames, reloads, identifies or unpairs it. Pairing,
 * renaming and unpairing are events in the branch's log, with who did it.
 */
export function screenRoutes(deps: Deps): { pairings: Router; branches: Router; overview: Router } {
  const { commands, registry, sockets, replies } = deps;
  const managers = requireStaff(['admin', 'manager']);

  const pairings = Router();
  pairings.post('/', limit(10, 'too_many_pairings', 'too many pairing codes from this address: wait a minute'), async (req, res) => {
    const body = parse(RequestPairingBody, req.body ?? {});
    const ticket = await registry.requestPairing(body.kind, body.version, Date.now());
    if (!ticket) throw new HttpError(429, 'too_many_pairings', 'too many screens are waiting to be paired: try again in a few minutes');
    res.set('Cache-Control', 'no-store').status(201).json({ ok: true, ...ticket });
  });
  pairings.post('/claim', limit(120, 'too_many_claims', 'ask at most every half second'), async (req, res) => {
    const { pairingToken } = parse(ClaimPairingBody, req.body ?? {});
    const claim = await registry.claim(pairingToken, Date.now());
    if (!claim) throw new HttpError(404, 'unknown_pairing', 'this code expired: ask for a new one');
    res.set('Cache-Control', 'no-store').json({ ok: true, ...claim });
  });

  /** A retried write answers as the first time did (the registry was already changed then). */
  const replayed = async (req: Request, res: Response, branch: string): Promise<boolean> => {
    const { key, fingerprint } = idempotentOf(req);
    const earlier = await replies.lookup(branch, key, fingerprint);
    if (earlier === 'mismatch') throw new HttpError(409, 'idempotency_key_reused', 'this Idempotency-Key was already used for another request', 'Idempotency-Key');
    if (!earlier) return false;
    res.set('Idempotent-Replayed', 'true').status(earlier.status).json(earlier.body);
    return true;
  };
  const screenOf = async (req: Request) => {
    const [branch, id] = [param(req, 'branch'), param(req, 'screen')];
    const screen = await registry.get(id);
    if (!screen || screen.branchId !== branch) throw new HttpError(404, 'unknown_screen', `no screen "${id}" in this branch`);
    return screen;
  };

  const r = Router();
  r.get('/:branch/screens', managers, async (req, res) => {
    const branch = param(req, 'branch');
    if (!(await deps.store.branchExists(branch))) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
    res.json({ ok: true, screens: await registry.list(branch) });
  });

  r.post('/:branch/screens', managers, async (req, res) => {
    const branch = param(req, 'branch');
    const body = parse(PairScreenBody, req.body ?? {});
    if (await replayed(req, res, branch)) return;
    if (!(await deps.states.get(branch))?.config) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
    const screen = await registry.pair(branch, body.code, body.name, req.user!.username, Date.now());
    if (!screen) throw new HttpError(404, 'unknown_code', 'no screen shows this code (it may have expired): check the code on the screen', 'code');
    await runCommand(commands, req, res, branch, { type: 'PairScreen', screen: { id: screen.id, name: screen.name, kind: screen.kind } }, () => ({ status: 201, body: { screen } }));
    sockets.changed(screen);
  });

  r.patch('/:branch/screens/:screen', managers, async (req, res) => {
    const body = parse(RenameScreenBody, req.body ?? {});
    const screen = await screenOf(req);
    await registry.rename(screen.id, body.name);
    const after = (await registry.get(screen.id))!;
    await runCommand(commands, req, res, screen.branchId, { type: 'RenameScreen', screenId: screen.id, name: body.name }, () => ({ body: { screen: after } }));
    sockets.changed(after);
  });

  // The screen's own sound: chime and voice on or off, and volume, each null to follow the branch.
  r.put('/:branch/screens/:screen/sound', managers, async (req, res) => {
    const sound = parse(ScreenSound, req.body ?? {});
    const screen = await screenOf(req);
    await registry.setSound(screen.id, sound);
    const after = (await registry.get(screen.id))!;
    await runCommand(commands, req, res, screen.branchId, { type: 'SetScreenSound', screenId: screen.id, sound }, () => ({ body: { screen: after } }));
    sockets.changed(after);
    await sockets.sound(after);
  });

  r.delete('/:branch/screens/:screen', managers, async (req, res) => {
    if (await replayed(req, res, param(req, 'branch'))) return;
    const screen = await screenOf(req);
    await registry.unpair(screen.id);
    await sockets.unpaired(screen.id);
    await runCommand(commands, req, res, screen.branchId, { type: 'UnpairScreen', screenId: screen.id });
    sockets.changed(screen, true);
  });

  r.post('/:branch/screens/:screen/:action', managers, async (req, res) => {
    const action = req.params.action;
    if (action !== 'reload' && action !== 'identify') throw new HttpError(404, 'unknown_action', 'use reload or identify');
    parse(EmptyBody, req.body ?? {});
    const screen = await screenOf(req);
    const delivered = action === 'reload' ? await sockets.reload(screen.id) : await sockets.identify(screen);
    res.json({ ok: true, delivered });
  });

  // All branches at a glance, as one read (the live feed is the /staff socket).
  const overview = Router();
  overview.get('/', managers, async (req, res) => {
    const counts = await registry.counts();
    const branches = [];
    for (const id of await deps.store.branchIds()) {
      if (!mayActOn(req.user!, id)) continue;
      const state = await deps.states.get(id);
      if (state?.config) branches.push(branchSummary(state, counts.get(id)));
    }
    res.json({ ok: true, branches, serverTime: Date.now() });
  });

  return { pairings, branches: r, overview };
}
