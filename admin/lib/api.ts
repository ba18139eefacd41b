import type {
  CallTicketBody,
  TransferTicketBody,
  BranchState,
  CounterState,
  Notice,
  PauseCounterBody,
  PostNoticeBody,
  ResolveNoticeBody,
  UpdateNoticeBody,
  CounterAction,
} from '../../core/client';

/**
 * The staff app's door to the server's REST API: JSON, same origin, cookie session.
 *
 * Every command carries an `Idempotency-Key` made once per user action. A request that fails on
 * the network (no answer, timeout, a proxy's 502/503/504) is retried a couple of times with the
 * same key, so the server applies it once. If every try fails and the user taps the same action
 * again soon after, the key is reused too: the first try may have reached the server after all.
 */

export interface SessionUser {
  username: string;
  name: string;
  role: 'admin' | 'manager' | 'teller';
  branches: string[];
}

/** A failed request, ready to show: `message` is the server's message (with the field when given). */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code, or `network` / `timeout` when no answer came. */
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${message} (${field})` : message);
    this.name = 'ApiError';
  }

  /** True when the server may or may not have applied the command: it is safe to retry with the same key. */
  get uncertain(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** What every command answers: the branch's seq after it, the types of the events it made, and what it touched. */
export interface CommandReply {
  ok: true;
  seq?: number;
  events?: string[];
  /** The counter after a counter command. */
  counter?: CounterState;
  /** The notice after a notice command. */
  notice?: Notice;
}

export interface ApiClientOptions {
  /** Prefix of every path; same origin by default. */
  base?: string;
  /** Time allowed for one try, ms. */
  timeoutMs?: number;
  /** Time allowed for all tries of one request, ms: a teller should not wait longer to know. */
  budgetMs?: number;
  /** Tries after the first one, for network failures only. */
  retries?: number;
  /** Called when the server says the session is gone (401 on a staff request). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

interface RequestOptions {
  body?: unknown;
  /** Set for commands: sent as Idempotency-Key on every try. */
  idempotencyKey?: string;
  /** Whether to retry network failures (commands with a key, and GETs). */
  retry?: boolean;
  /** A 401 here means "wrong password", not "session expired". */
  quiet401?: boolean;
}

/** A command that never got an answer, kept so that tapping the same action again reuses its key. */
interface Unanswered {
  signature: string;
  key: string;
  at: number;
}
const REUSE_KEY_WITHIN_MS = 2 * 60_000;

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a tablet on plain http over the LAN may not have one.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ApiClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly budgetMs: number;
  private readonly retries: number;
  private readonly fetchFn: typeof fetch;
  private unanswered: Unanswered | null = null;
  onUnauthorized?: () => void;

  constructor(opts: ApiClientOptions = {}) {
    this.base = opts.base ?? '';
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.budgetMs = opts.budgetMs ?? 12_000;
    this.retries = opts.retries ?? 2;
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.onUnauthorized = opts.onUnauthorized;
  }

  // --- session ---------------------------------------------------------------------------

  async getSession(): Promise<SessionUser | null> {
    try {
      // No session is {user: null} (an older server said 401, handled below).
      const r = await this.request<{ user: SessionUser | null }>('GET', '/api/session', { retry: true, quiet401: true });
      return r.user ?? null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }

  async login(username: string, password: string): Promise<SessionUser> {
    const r = await this.request<{ user: SessionUser }>('POST', '/api/session', { body: { username, password }, quiet401: true });
    return r.user;
  }

  async logout(): Promise<void> {
    await this.request('DELETE', '/api/session', { quiet401: true });
  }

  async branchState(branch: string): Promise<{ state: BranchState; serverTime: number }> {
    return this.request('GET', `/api/branches/${enc(branch)}/state`, { retry: true, quiet401: true });
  }

  /** A staff read (the console's lists); network failures are retried. */
  async get<T extends object>(path: string): Promise<T & { ok: true }> {
    return this.request<T>('GET', path, { retry: true });
  }

  // --- commands --------------------------------------------------------------------------

  /** Sends one user action. Retries reuse its key; see the note at the top of this file. */
  async command<T extends object = CommandReply>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown): Promise<T & { ok: true }> {
    const signature = `${method} ${path} ${JSON.stringify(body)}`;
    const prev = this.unanswered;
    const key =
      prev && prev.signature === signature && Date.now() - prev.at < REUSE_KEY_WITHIN_MS ? prev.key : newIdempotencyKey();
    try {
      const reply = await this.request<T>(method, path, { body, idempotencyKey: key, retry: true });
      if (this.unanswered?.key === key) this.unanswered = null;
      return reply;
    } catch (e) {
      if (e instanceof ApiError && e.uncertain) this.unanswered = { signature, key, at: Date.now() };
      else if (this.unanswered?.key === key) this.unanswered = null;
      throw e;
    }
  }

  // --- plumbing --------------------------------------------------------------------------

  private async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T & { ok: true }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    };
    const tries = 1 + (opts.retry ? this.retries : 0);
    const deadline = Date.now() + this.budgetMs;
    let lastError: ApiError | null = null;
    for (let attempt = 0; attempt < tries; attempt++) {
      if (attempt > 0) {
        await sleep(attempt === 1 ? 400 : 1200);
        if (Date.now() > deadline - 1000) break;
      }
      let res: Response;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), Math.min(this.timeoutMs, deadline - Date.now()));
      try {
        res = await this.fetchFn(this.base + path, { ...init, signal: abort.signal });
      } catch {
        lastError = abort.signal.aborted
          ? new ApiError(0, 'timeout', 'the server did not answer in time')
          : new ApiError(0, 'network', 'the server cannot be reached');
        continue;
      } finally {
        clearTimeout(timer);
      }
      const json = await readJson(res);
      if (res.ok && json && json.ok !== false) return json as T & { ok: true };
      const error = toApiError(res, json);
      if (error.uncertain) {
        lastError = error;
        continue;
      }
      if (res.status === 401 && !opts.quiet401) this.onUnauthorized?.();
      throw error;
    }
    throw lastError ?? new ApiError(0, 'network', 'the server cannot be reached');
  }
}

/** Commands of one branch, as the tablet sends them. */
export class BranchCommands {
  constructor(
    readonly api: ApiClient,
    readonly branch: string,
  ) {}

  private path(rest: string): string {
    return `/api/branches/${enc(this.branch)}${rest}`;
  }

  counterAction(counterId: string, action: Exclude<CounterAction, 'pause'>): Promise<CommandReply> {
    return this.api.command('POST', this.path(`/counters/${enc(counterId)}/${action}`), {});
  }

  /** A pause keeps the customer at the counter unless `finishCurrent` (the tablet asks). */
  pause(counterId: string, backInMinutes: number | null, finishCurrent = false): Promise<CommandReply> {
    const body: PauseCounterBody = { backInMinutes, ...(finishCurrent ? { finishCurrent } : {}) };
    return this.api.command('POST', this.path(`/counters/${enc(counterId)}/pause`), body);
  }

  /** Call a specific ticket, with the reason the room is told. */
  callTicket(counterId: string, body: CallTicketBody): Promise<CommandReply> {
    return this.api.command('POST', this.path(`/counters/${enc(counterId)}/call`), body);
  }

  transfer(counterId: string, body: TransferTicketBody): Promise<CommandReply> {
    return this.api.command('POST', this.path(`/counters/${enc(counterId)}/transfer`), body);
  }

  undoNoShow(counterId: string): Promise<CommandReply> {
    return this.api.command('POST', this.path(`/counters/${enc(counterId)}/undo-no-show`), {});
  }

  postNotice(body: PostNoticeBody): Promise<CommandReply> {
    return this.api.command('POST', this.path('/notices'), body);
  }

  updateNotice(noticeId: string, body: UpdateNoticeBody): Promise<CommandReply> {
    return this.api.command('PATCH', this.path(`/notices/${enc(noticeId)}`), body);
  }

  resolveNotice(noticeId: string, body: ResolveNoticeBody): Promise<CommandReply> {
    return this.api.command('POST', this.path(`/notices/${enc(noticeId)}/resolve`), body);
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

async function readJson(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const v: unknown = await res.json();
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toApiError(res: Response, json: Record<string, unknown> | null): ApiError {
  const e = json?.error;
  if (e && typeof e === 'object') {
    const { code, message, field } = e as { code?: unknown; message?: unknown; field?: unknown };
    return new ApiError(
      res.status,
      typeof code === 'string' ? code : `http_${res.status}`,
      typeof message === 'string' ? message : res.statusText || `HTTP ${res.status}`,
      typeof field === 'string' ? field : undefined,
    );
  }
  return new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
}
