import { describe, expect, it } from 'vitest';
import { sentence } from '../../admin/console/pages/history/audit-sentence';
import { PROMISED } from '../support/configs';
import '../../ui/i18n/catalogue';

/** The audit page's sentence for a transfer: the counter it went to, when it went to one. */
describe('audit sentence: TicketTransferred', () => {
  const cfg = PROMISED;
  const counter2 = cfg.counters.find((c) => c.id === '2')!;
  it('to a counter: names the counter, not the service it kept', () => {
    const said = sentence({ kind: 'event', type: 'TicketTransferred', ticket: 'A002', counter: '1', detail: { service: 'teller', toCounterId: '2' } }, 'en', cfg, () => undefined);
    expect(said).toBe(`A002 transferred to ${counter2.name.en ?? counter2.name.it}`);
  });
  it('to a service: names the service', () => {
    const advice = cfg.services.find((s) => s.id === 'advice')!;
    const said = sentence({ kind: 'event', type: 'TicketTransferred', ticket: 'A002', counter: '1', detail: { service: 'advice', toCounterId: null } }, 'en', cfg, () => undefined);
    expect(said).toBe(`A002 transferred to ${advice.name.en ?? advice.name.it}`);
  });
});
