import { pickText, type AuditChange, type BranchConfig, type Cause } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';
import { t } from '../../../../ui/i18n/localize';

/** The audit events said in a sentence ("A002 called to Counter 2"). */
const EVENT_WORDS = new Set([
  'TicketIssued',
  'TicketCalled',
  'TicketRecalled',
  'ServiceEnded',
  'TicketNoShow',
  'NoShowUndone',
  'TicketCancelled',
  'TicketTransferred',
  'CounterOpened',
  'CounterPaused',
  'CounterClosed',
  'NoticePosted',
  'NoticeUpdated',
  'NoticeResolved',
]);

export function sentence(c: Extract<AuditChange, { kind: 'event' }>, l: string, cfg: BranchConfig | null, causeOf: (noticeId: string) => string | undefined): string | null {
  const d = c.detail ?? {};
  if (EVENT_WORDS.has(c.type)) {
    const langs = cfg?.languages ?? [];
    const counter = c.counter ? cfg?.counters.find((x) => x.id === c.counter) : undefined;
    const serviceId = typeof d.service === 'string' ? d.service : undefined;
    const service = serviceId ? cfg?.services.find((x) => x.id === serviceId) : undefined;
    const posted = d.notice as { cause?: Cause } | undefined;
    const cause = posted?.cause ? causeLabel(posted.cause, l) : c.notice ? causeOf(c.notice) : undefined;
    if (c.type.startsWith('Notice') && !cause) return null;
    // Transferred to a counter: the counter is where it went (its service may not have changed).
    const toId = c.type === 'TicketTransferred' && typeof d.toCounterId === 'string' ? d.toCounterId : undefined;
    if (toId) {
      const to = cfg?.counters.find((x) => x.id === toId);
      return t(l, 'history.audit.transferredToCounter', { ticket: c.ticket ?? '', counter: to ? pickText(to.name, l, langs) : toId });
    }
    return t(l, 'history.audit.event', {
      type: c.type,
      ticket: c.ticket ?? '',
      counter: counter ? pickText(counter.name, l, langs) : (c.counter ?? ''),
      service: service ? pickText(service.name, l, langs) : (serviceId ?? ''),
      cause: cause ?? '',
    });
  }
  if (c.type === 'IntegrationTokenChanged') {
    const token = d.token as { name?: string } | undefined;
    return token?.name ? t(l, 'history.audit.tokenChange', { change: String(d.change), name: token.name }) : null;
  }
  if (c.type === 'StaffChanged') {
    const a = d.account as { username: string; name: string; role: 'admin' | 'manager' | 'teller' } | undefined;
    if (!a) return null;
    return t(l, 'history.audit.staffChange', { change: String(d.change), name: a.name, username: a.username, role: t(l, `console.role.${a.role}`) });
  }
  if (c.type === 'ScreenPaired' || c.type === 'ScreenRenamed' || c.type === 'ScreenSoundSet' || c.type === 'ScreenUnpaired') {
    const name = (d.screen as { name?: string } | undefined)?.name ?? (typeof d.name === 'string' ? d.name : (d.screenId as string | undefined) ?? '');
    return t(l, 'history.audit.screenChange', { change: c.type === 'ScreenPaired' ? 'paired' : c.type === 'ScreenRenamed' ? 'renamed' : c.type === 'ScreenSoundSet' ? 'sound' : 'unpaired', name });
  }
  return null;
}
