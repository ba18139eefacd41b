import type { Page } from 'playwright-core';

/** One piece of text as Chromium rendered it. */
export interface RenderedText {
  text: string;
  /** The element's tag and classes, with the custom element it lives in: "bb-counter-tile span.l1". */
  where: string;
  fontPx: number;
  /** Contrast of its colour against the background it is drawn on (WCAG ratio). */
  contrast: number;
  rect: { x: number; y: number; width: number; height: number };
  /** An ancestor that clips (overflow not visible) cuts part of it off. */
  clipped: boolean;
  /** Part of it lies outside the viewport. */
  offscreen: boolean;
  /** Inside an element marked `data-staff`: meant for whoever looks after the screen, not the room. */
  staff: boolean;
}

/**
 * Every visible element with text of its own on the page, through every shadow root: its
 * computed font size, its contrast, and whether it is cut off (by an ancestor that clips, or the
 * viewport). Hidden elements (display none, visibility hidden, screen-reader-only boxes) are left
 * out: nobody in the room sees them.
 */
export function renderedTexts(page: Page): Promise<RenderedText[]> {
  return page.evaluate(() => {
    const out: RenderedText[] = [];
    const vw = innerWidth;
    const vh = innerHeight;
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    /** The parent across shadow roots (a shadow root's host). */
    const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    const background = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = up(e)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
          .map((n) => n.textContent!.trim())
          .join(' ');
        if (!own) continue;
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        if (cs.visibility !== 'visible' || r.width <= 2 || r.height <= 2 || Number(cs.opacity) === 0) continue;
        let hidden = false;
        let clipped = false;
        for (let a = up(el); a; a = up(a)) {
          const s = getComputedStyle(a);
          if (s.clipPath.startsWith('inset(50%') || Number(s.opacity) === 0) hidden = true;
          if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
            const b = a.getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) clipped = true;
          }
        }
        if (hidden || cs.clipPath.startsWith('inset(50%')) continue;
        const fg = parse(cs.color);
        const bg = background(el);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
        const host = (el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? '';
        out.push({
          text: own.slice(0, 80),
          where: `${host} ${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`.trim(),
          fontPx: Number.parseFloat(cs.fontSize),
          contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
          rect: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) },
          clipped,
          offscreen: r.left < -6 || r.top < -6 || r.right > vw + 6 || r.bottom > vh + 6,
          staff: el.closest('[data-staff]') !== null,
        });
      }
    };
    walk(document);
    return out;
  });
}
