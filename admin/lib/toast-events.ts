export type ToastKind = 'ok' | 'error';

export interface ToastDetail {
  kind: ToastKind;
  message: string;
}

/** Elements ask for a toast with this event; the app catches it and shows the toast. */
export const TOAST_EVENT = 'bb-toast';

export function showToast(from: EventTarget, kind: ToastKind, message: string): void {
  from.dispatchEvent(new CustomEvent<ToastDetail>(TOAST_EVENT, { detail: { kind, message }, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'bb-toast': CustomEvent<ToastDetail>;
  }
  interface DocumentEventMap {
    'bb-toast': CustomEvent<ToastDetail>;
  }
}
