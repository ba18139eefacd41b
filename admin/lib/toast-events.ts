export type ToastKind = 'ok' | 'error';

export interface ToastDetail {
  kind: ToastKind;
  message: string;
  /**
   * Where the outcome comes from (one element's actions). A newer toast from the same place
   * replaces the older one: only the latest outcome there still matters.
   */
  source?: string;
}

export interface ToastClearDetail {
  source: string;
  /** Only toasts of this kind; all of them when absent. */
  kind?: ToastKind;
}

/** Elements ask for a toast with this event; the app catches it and shows the toast. */
export const TOAST_EVENT = 'bb-toast';
/** Elements take their own toasts back with this one (e.g. an old error when the teller tries again). */
export const TOAST_CLEAR_EVENT = 'bb-toast-clear';

export function showToast(from: EventTarget, kind: ToastKind, message: string, source?: string): void {
  const detail: ToastDetail = source ? { kind, message, source } : { kind, message };
  from.dispatchEvent(new CustomEvent<ToastDetail>(TOAST_EVENT, { detail, bubbles: true, composed: true }));
}

export function clearToasts(from: EventTarget, source: string, kind?: ToastKind): void {
  const detail: ToastClearDetail = kind ? { source, kind } : { source };
  from.dispatchEvent(new CustomEvent<ToastClearDetail>(TOAST_CLEAR_EVENT, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'bb-toast': CustomEvent<ToastDetail>;
    'bb-toast-clear': CustomEvent<ToastClearDetail>;
  }
  interface DocumentEventMap {
    'bb-toast': CustomEvent<ToastDetail>;
    'bb-toast-clear': CustomEvent<ToastClearDetail>;
  }
}
