import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { key, type loginAs } from './server';
import { connectStream } from './server';

/**
 * A lobby screen paired as a real one is: it asks for a code, a manager pairs it under a name, it
 * claims its token and connects to its branch stream with it, ready to report what it rendered.
 */
export async function pairedScreen(url: string, manager: Awaited<ReturnType<typeof loginAs>>, branch: string, name: string): Promise<{ id: string; token: string; socket: Socket }> {
  const ticket = (await request(url).post('/api/screen-pairings').send({ kind: 'lobby', version: '1.0.0' })).body as { code: string; pairingToken: string };
  const paired = await manager.post(`/api/branches/${branch}/screens`).set('Idempotency-Key', key()).send({ code: ticket.code, name });
  if (paired.status !== 201) throw new Error(`pairing failed: ${paired.status} ${JSON.stringify(paired.body)}`);
  const claimed = (await request(url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken })).body as { screenToken: string };
  const socket = connectStream(url, { branch, screen: claimed.screenToken } as never) as unknown as Socket;
  // Ready once it has its snapshot and has joined its screen's room: its sound settings come
  // after the join, and the snapshot may come before it (a reload sent between would miss it).
  await new Promise<void>((ok, fail) => {
    let heard = 0;
    const one = () => ++heard === 2 && ok();
    socket.once('snapshot', one);
    socket.once('sound', one);
    socket.once('connect_error', fail);
  });
  return { id: paired.body.screen.id as string, token: claimed.screenToken, socket };
}
