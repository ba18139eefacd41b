import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { ClientId, Slug } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { isAdmin, requireAdmin, requireHistoryReader } from '../history/access';
import { HttpError, parse } from '../http/errors';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { checkWebhookUrl } from '../webhooks/url-guard';
import { WEBHOOK_EVENTS, type Webhook, type WebhookStore } from '../webhooks/webhook-store';

/** A webhook as registered: PUT with a client-made id, so a retried registration is applied once. */
export const WebhookBody = z
  .object({
    url: z.string().min(1).max(2000),
    /** The shared secret the signature is made with; the server makes one when absent (and shows it once). */
    secret: z.string().min(16).max(200).optional(),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length).default([...WEBHOOK_EVENTS]),
    active: z.boolean().default(true),
  })
  .strict();

export const LogQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/**
 * Webhooks of a branch (its managers; admins too) and the admin's for every branch, with their
 * delivery log and resend. Secrets are never shown again after they are set.
 */
export function webhookRoutes(d: { states: BranchStates; store: WebhookStore; dispatcher: WebhookDispatcher; allowLocal: boolean }): { branch: Router; admin: Router } {
  const branch = Router({ mergeParams: true });
  const reader = requireHistoryReader();

  const branchOf = async (req: Request) => {
    const id = parse(Slug, req.params.branch, 'branch');
    if (!(await d.states.get(id))) throw new HttpError(404, 'unknown_branch', `no branch "${id}"`);
    return id;
  };
  /** A webhook the caller may manage from this place: the branch's own, or (admins) the admin's. */
  const hookOf = async (req: Request, branchId: string | null) => {
    const id = parse(ClientId, req.params.id, 'id');
    const hook = await d.store.get(id);
    const mine = hook && (hook.branchId === branchId || (hook.branchId === null && isAdmin(req)));
    if (!hook || !mine) throw new HttpError(404, 'unknown_webhook', `no webhook "${id}" here`);
    return hook;
  };

  const put = async (req: Request, branchId: string | null) => {
    const id = parse(ClientId, req.params.id, 'id');
    const body = parse(WebhookBody, req.body ?? {});
    const url = checkWebhookUrl(body.url, d.allowLocal);
    if (!url.ok) throw new HttpError(400, 'invalid', `url: ${url.message}`, 'url');
    const existing = await d.store.get(id);
    if (existing && existing.branchId !== branchId) throw new HttpError(409, 'webhook_elsewhere', 'this webhook id belongs to another branch', 'id');
    const made = !body.secret && !existing ? randomBytes(24).toString('base64url') : undefined;
    const secret = body.secret ?? made ?? (await d.store.secretOf(id))!;
    const hook = await d.store.put({ id, branchId, url: url.url.toString(), secret, events: body.events, active: body.active, createdBy: req.user!.username }, Date.now());
    return { status: existing ? 200 : 201, body: { ok: true, webhook: hook, ...(made ? { secret: made } : {}) } };
  };

  const routes = (r: Router, base: string, place: (req: Request) => Promise<string | null>, guard: ReturnType<typeof requireAdmin>) => {
    r.get(`${base}`, guard, async (req, res) => {
      const b = await place(req);
      res.json({ ok: true, webhooks: await d.store.list(b, b !== null && isAdmin(req)) });
    });
    r.put(`${base}/:id`, guard, async (req, res) => {
      const out = await put(req, await place(req));
      res.status(out.status).json(out.body);
    });
    r.delete(`${base}/:id`, guard, async (req, res) => {
      const hook = await hookOf(req, await place(req));
      await d.store.remove(hook.id);
      res.json({ ok: true });
    });
    r.get(`${base}/:id/deliveries`, guard, async (req, res) => {
      const hook: Webhook = await hookOf(req, await place(req));
      const q = parse(LogQuery, req.query, 'query');
      res.json({ ok: true, webhook: hook, deliveries: await d.store.deliveries(hook.id, q.limit) });
    });
    r.post(`${base}/:id/deliveries/:delivery/resend`, guard, async (req, res) => {
      const hook = await hookOf(req, await place(req));
      const deliveryId = z.string().regex(/^[0-9a-f-]{36}$/).safeParse(req.params.delivery);
      const delivery = deliveryId.success ? await d.store.delivery(deliveryId.data) : undefined;
      if (!delivery || delivery.webhookId !== hook.id) throw new HttpError(404, 'unknown_delivery', 'no such delivery of this webhook');
      await d.store.resend(delivery.id, Date.now());
      d.dispatcher.kick();
      res.json({ ok: true, delivery: { ...(await d.store.delivery(delivery.id))!, body: undefined } });
    });
  };

  routes(branch, '/:branch/webhooks', branchOf, reader);
  const admin = Router();
  routes(admin, '', async () => null, requireAdmin());
  return { branch, admin };
}
