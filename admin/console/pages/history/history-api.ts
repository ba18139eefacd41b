import type { AuditEntry, BranchConfig, CauseFigures, NoticeRecord, ServiceFigures } from '../../../../core/client';
import type { ConsoleApi } from '../../data/console-api';

const enc = encodeURIComponent;

export type By = 'day' | 'week' | 'month';

export interface Range {
  from: string;
  to: string;
}

export interface Report {
  from: string;
  to: string;
  by: By;
  services: ServiceFigures[];
  causes: CauseFigures[];
}

export interface WebhookView {
  id: string;
  branchId: string | null;
  url: string;
  events: string[];
  active: boolean;
  createdBy: string;
  createdAt: number;
}

export interface DeliveryView {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${enc(v!)}`)
    .join('&');

/** The history endpoints, in the console's words. Pages never build a URL themselves. */
export class HistoryApi {
  constructor(private readonly api: ConsoleApi) {}

  private base(branch: string) {
    return `/api/branches/${enc(branch)}/history`;
  }

  /** The branch's configuration: its zone (times are shown in it) and its services' names. */
  async config(branch: string): Promise<BranchConfig | null> {
    return (await this.api.client.branchState(branch)).state.config;
  }

  notices(branch: string, r: Range): Promise<{ notices: NoticeRecord[] }> {
    return this.api.client.get(`${this.base(branch)}/notices?${query({ ...r })}`);
  }

  report(branch: string | null, r: Range, by: By): Promise<Report> {
    const q = query({ ...r, by, perBranch: branch ? undefined : '1' });
    return this.api.client.get(branch ? `${this.base(branch)}/reports?${q}` : `/api/history/reports?${q}`);
  }

  audit(branch: string, f: { user?: string; counter?: string; type?: string; before?: number }): Promise<{ entries: AuditEntry[] }> {
    return this.api.client.get(`${this.base(branch)}/audit?${query({ user: f.user, counter: f.counter, type: f.type, before: f.before?.toString() })}`);
  }

  /** Where a CSV downloads from (a plain link: the browser saves it with the session cookie). */
  csv(branch: string, table: 'notices' | 'days' | 'tickets' | 'figures' | 'causes' | 'audit', r: Range, by: By = 'day', filter: Record<string, string | undefined> = {}): string {
    const q = query({ ...r });
    switch (table) {
      case 'notices':
        return `${this.base(branch)}/notices?${q}&format=csv`;
      case 'days':
        return `${this.base(branch)}/days.csv?${q}`;
      case 'tickets':
        return `${this.base(branch)}/tickets.csv?${q}`;
      case 'figures':
        return `${this.base(branch)}/reports?${q}&by=${by}&format=csv&table=services`;
      case 'causes':
        return `${this.base(branch)}/reports?${q}&by=${by}&format=csv&table=causes`;
      case 'audit':
        return `${this.base(branch)}/audit?${query(filter)}${Object.values(filter).some(Boolean) ? '&' : ''}format=csv`;
    }
  }

  webhooks(branch: string): Promise<{ webhooks: WebhookView[] }> {
    return this.api.client.get(`/api/branches/${enc(branch)}/webhooks`);
  }

  putWebhook(branch: string, id: string, body: { url: string; events: string[] }): Promise<{ webhook: WebhookView; secret?: string }> {
    return this.api.client.command('PUT', `/api/branches/${enc(branch)}/webhooks/${enc(id)}`, body);
  }

  removeWebhook(branch: string, id: string): Promise<unknown> {
    return this.api.client.command('DELETE', `/api/branches/${enc(branch)}/webhooks/${enc(id)}`, undefined);
  }

  deliveries(branch: string, id: string): Promise<{ deliveries: DeliveryView[] }> {
    return this.api.client.get(`/api/branches/${enc(branch)}/webhooks/${enc(id)}/deliveries`);
  }

  resend(branch: string, id: string, delivery: string): Promise<unknown> {
    return this.api.client.command('POST', `/api/branches/${enc(branch)}/webhooks/${enc(id)}/deliveries/${enc(delivery)}/resend`, {});
  }
}

/** The last 30 days up to today, in the browser's calendar (the server reads days in the branch's zone). */
export function lastDays(n = 30, timeZone?: string, now = new Date()): Range {
  // The days of the branch's calendar, as the server reads from/to: the manager's own computer may
  // be in another zone (or a day behind, just after the branch's midnight).
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return { from: day(new Date(now.getTime() - (n - 1) * 86_400_000)), to: day(now) };
}
