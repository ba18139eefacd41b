import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, removeDir, startTestServer, waitFor } from '../support/server';
import { pairedScreen } from '../support/paired-screen';
import { signatureValid, webhookReceiver } from '../support/webhook-receiver';

/**
 * screen.down: a paired screen that stops reporting for more than 60 s is down, and the bank's
 * receiver gets one signed POST saying so. The server's clock is moved instead of waiting.
 */
const SECRET = 'screens-secret-of-the-bank-01234';
let offset = 0;
const clock = () => Date.now() + offset;
let server: Awaited<ReturnType<typeof startTestServer>>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  hook = await webhookReceiver();
  server = await startTestServer({ webhooksAllowLocal: true, webhookRetryMs: 1500 }, { clock });
});

afterAll(async () => {
  await server.stop();
  await hook.close();
  removeDir(server.dataDir);
});

describe('screen.down webhook', () => {
  it('a screen silent for over 60 s → down → one POST with a valid HMAC signature', async () => {
    const manager = await loginAs(server.url, 'manager');
    expect((await manager.put('/api/branches/demo/webhooks/hook-screens-001').send({ url: hook.url, secret: SECRET, events: ['screen.down'] })).status).toBe(201);
    const tv = await pairedScreen(server.url, manager, 'demo', 'Sala, sopra la porta');
    tv.socket.emit('report', { renderedSeq: 3, version: '1.0.0' });
    await waitFor(async () => (await manager.get('/api/branches/demo/screens')).body.screens?.find((s: { id: string; up: boolean }) => s.id === tv.id && s.up), 5_000, 'screen up');

    // It goes quiet (the TV was switched off). 45 s later it is still up: nothing is sent.
    tv.socket.close();
    offset = 45_000;
    await pause(6_000);
    expect(hook.got).toEqual([]);

    offset = 61_000 + 6_000;
    const [got] = await waitFor(() => hook.got.length > 0 && hook.got, 12_000, 'screen.down delivery');
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ type: 'screen.down', branchId: 'demo', data: { screen: { id: tv.id, name: 'Sala, sopra la porta', kind: 'lobby', renderedSeq: 3 } } });
    expect(signatureValid(got!, SECRET)).toBe(true);
    expect(signatureValid(got!, 'another-secret-entirely-000000')).toBe(false);
    expect(got!.headers['x-branchboard-event']).toBe('screen.down');
    expect(got!.headers['x-branchboard-delivery']).toBe(body.id);
    expect((await manager.get('/api/branches/demo/screens')).body.screens.find((s: { id: string }) => s.id === tv.id).up).toBe(false);

    // Delivered once: later sweeps find it down already, and the outbox holds one delivery, delivered.
    offset += 120_000;
    await pause(6_000);
    expect(hook.got).toHaveLength(1);
    const rows = await server.sql.all<{ status: string }>("SELECT status FROM webhook_deliveries WHERE event = 'screen.down'");
    expect(rows.map((r) => r.status)).toEqual(['delivered']);
  });
});
