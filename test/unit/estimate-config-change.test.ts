import { describe, expect, it } from 'vitest';
import { createEstimator, toEstimatorEvents, type Command } from '../../core';
import { BranchHarness } from '../support/branch-fixture';

/**
 * The estimator follows the counters' services as the configuration changes, at once (was: a
 * service added to a counter already open showed "no counter open for this service" on lobby,
 * phone and kiosk until a restart, because a counter's services were copied only when it opened).
 */
const MIN = 60_000;
const mortgages = (counters: string[]): Command => ({ type: 'UpsertService', serviceId: 'mortgage', body: { name: { it: 'Mutui', en: 'Mortgages' }, prefix: 'M', counters } });

/** Given these commands decided and folded as the server does, when the estimator has heard every event, then what it says for a new ticket of `service`. */
function given(...commands: Command[]) {
  const b = new BranchHarness();
  const est = createEstimator({ minHistory: 1 });
  let heard = 0;
  const hear = () => {
    for (const e of b.events.slice(heard)) for (const x of toEstimatorEvents(e, b.state)) est.observe(x);
    heard = b.events.length;
  };
  const run = (cmd: Command) => {
    const d = b.run(cmd);
    if (!d.ok) throw new Error(`${cmd.type} failed: ${d.error.code}`);
    hear();
  };
  for (const c of commands) run(c);
  return {
    when(...more: Command[]) {
      for (const c of more) run(c);
      return { then: (service: string) => est.estimateNew(service, b.tick(MIN).now), waiting: () => est.estimateWaiting(b.tick(MIN).now) };
    },
  };
}

describe('the estimator follows configuration changes', () => {
  // A mortgage customer served at counter 2 earlier (so there is history), then counter 2 serves tellers only.
  const history: Command[] = [
    { type: 'CounterAction', counterId: '2', action: 'open' },
    mortgages(['2', '4']),
    { type: 'IssueTicket', ticketId: 'ticket-m1', service: 'mortgage' },
    { type: 'CounterAction', counterId: '2', action: 'call-next' },
    { type: 'CounterAction', counterId: '2', action: 'done' },
    mortgages(['4']),
  ];

  it('given counter 2 open for tellers only, "no counter" for mortgages', () => {
    expect(given(...history).when().then('mortgage')).toMatchObject({ known: false, cause: 'no_counter' });
  });

  it('when mortgages are added to counters 1 and 2 (service form) while counter 2 is open, then counter 2 counts for them at once', () => {
    const r = given(...history).when(mortgages(['1', '2'])).then('mortgage');
    expect(r).not.toMatchObject({ cause: 'no_counter' });
  });

  it('when counter 2 gets mortgages in the counter form, the same; and when it loses them again, "no counter" again', () => {
    const add: Command = { type: 'UpsertCounter', counterId: '2', body: { name: { it: 'Sportello 2', en: 'Counter 2' }, services: ['teller', 'mortgage'] } };
    expect(given(...history).when(add).then('mortgage')).not.toMatchObject({ cause: 'no_counter' });
    const drop: Command = { type: 'UpsertCounter', counterId: '2', body: { name: { it: 'Sportello 2', en: 'Counter 2' }, services: ['teller'] } };
    expect(given(...history).when(add, drop).then('mortgage')).toMatchObject({ known: false, cause: 'no_counter' });
  });
});

describe('a transferred ticket waits again (was: a duplicate switch case dropped it from the estimator)', () => {
  it('given A001 called at counter 1, when it is transferred to advice, then it waits for advice with an estimate of its own', () => {
    const waiting = given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
    )
      .when({ type: 'TransferTicket', counterId: '1', body: { service: 'advice' } })
      .waiting();
    expect(waiting.map((w) => [w.ticket, w.service])).toEqual([['ticket-a1', 'advice']]);
  });
});
