/**
 * What makes an element modal, apart from how it looks: while active, Tab and Shift+Tab cycle
 * through the element's own controls (across shadow roots and slots), Escape asks it to close,
 * and on deactivation focus goes back to where it was. Modals stack: only the topmost one traps,
 * so a dialog opened from a dialog behaves. After Shoelace's src/internal/modal.ts.
 */
const stack: Modal[] = [];

export class Modal {
  private previousFocus: HTMLElement | null = null;

  constructor(
    private readonly element: HTMLElement,
    /** Called on Escape; the owner decides whether to close (a cancellable request). */
    private readonly onEscape: () => void,
  ) {}

  get active(): boolean {
    return stack.includes(this);
  }

  activate(): void {
    if (this.active) return;
    this.previousFocus = deepActiveElement();
    stack.push(this);
    if (stack.length === 1) document.addEventListener('keydown', onKeyDown, true);
  }

  deactivate(): void {
    const i = stack.indexOf(this);
    if (i < 0) return;
    stack.splice(i, 1);
    if (stack.length === 0) document.removeEventListener('keydown', onKeyDown, true);
    const back = this.previousFocus;
    this.previousFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The controls Tab visits, in document order, looking into shadow roots and slotted content. */
  tabbables(): HTMLElement[] {
    return tabbablesIn(this.element);
  }

  handleKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.onEscape();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = this.tabbables();
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const current = deepActiveElement();
    const at = current ? items.findIndex((x) => x === current) : -1;
    const next = at < 0 ? (e.shiftKey ? items.length - 1 : 0) : (at + (e.shiftKey ? -1 : 1) + items.length) % items.length;
    e.preventDefault();
    items[next]!.focus();
  }
}

function onKeyDown(e: KeyboardEvent): void {
  stack.at(-1)?.handleKey(e);
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

function isTabbable(el: HTMLElement): boolean {
  if (el.hasAttribute('disabled') || el.getAttribute('aria-hidden') === 'true' || el.tabIndex < 0) return false;
  if (el.hasAttribute('inert') || el.closest('[inert]')) return false;
  const tag = el.tagName;
  const natural =
    (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')) ||
    (tag === 'A' && el.hasAttribute('href')) ||
    el.hasAttribute('tabindex') ||
    el.isContentEditable;
  if (!natural) return false;
  // Hidden elements (display: none, visibility: hidden) are not visited.
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

function tabbablesIn(root: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  const walk = (node: Element) => {
    if (node instanceof HTMLElement && isTabbable(node)) out.push(node);
    if (node instanceof HTMLSlotElement) {
      for (const a of node.assignedElements({ flatten: true })) walk(a);
      return;
    }
    const children = node.shadowRoot ? node.shadowRoot.children : node.children;
    for (const c of Array.from(children)) walk(c);
  };
  walk(root);
  return out.filter((x) => x.tabIndex >= 0).sort((a, b) => (a.tabIndex > 0 || b.tabIndex > 0 ? (a.tabIndex || 1e9) - (b.tabIndex || 1e9) : 0));
}
