import { Router } from 'express';
import { Slug } from '../../core';
import { HttpError, parse } from '../http/errors';
import type { BranchStates } from '../commands/branch-states';

/** Public reads of a branch: what its lobby screen shows. No personal data. */
export function branchReadRoutes(states: BranchStates): Router {
  const r = Router();
  r.get('/:branch/state', async (req, res) => {
    const branch = parse(Slug, req.params.branch, 'branch');
    const state = await states.get(branch);
    if (!state) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
    res.json({ ok: true, state, serverTime: Date.now() });
  });
  return r;
}
