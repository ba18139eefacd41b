import { Router, type Response } from 'express';
import { CreateUserBody, EmptyBody, UpdateUserBody, Username } from '../../core';
import type { StaffAdmin, StaffResult } from '../console/staff-admin';
import { requireStaff } from '../http/auth';
import { HttpError, parse } from '../http/errors';
import { idempotentOf } from '../http/idempotent';

function send(res: Response, r: StaffResult): void {
  if (!r.ok) throw HttpError.from(r.error);
  if (r.replayed) res.set('Idempotent-Replayed', 'true');
  // A password is shown once: never cached by a browser or a proxy.
  res.set('Cache-Control', 'no-store');
  res.status(r.reply.status).json(r.reply.body);
}

/** Staff accounts: admins manage everyone, managers the tellers of their own branches. */
export function staffRoutes(staff: StaffAdmin): Router {
  const r = Router();
  const managers = requireStaff(['admin', 'manager']);

  r.get('/', managers, async (req, res) => {
    res.json({ ok: true, users: await staff.list(req.user!) });
  });
  r.post('/', managers, async (req, res) => {
    send(res, await staff.create(req.user!, parse(CreateUserBody, req.body ?? {}), idempotentOf(req)));
  });
  r.patch('/:username', managers, async (req, res) => {
    const username = parse(Username, req.params.username, 'username');
    send(res, await staff.update(req.user!, username, parse(UpdateUserBody, req.body ?? {}), idempotentOf(req)));
  });
  r.post('/:username/reset-password', managers, async (req, res) => {
    const username = parse(Username, req.params.username, 'username');
    parse(EmptyBody, req.body ?? {});
    send(res, await staff.resetPassword(req.user!, username, idempotentOf(req)));
  });
  return r;
}
