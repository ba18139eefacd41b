import type { BrowserContext } from 'playwright-core';

/**
 * Makes a page hold sound back until someone touches it, as a desktop browser does by default.
 * Headless Chromium lets an AudioContext start without a gesture (only its first moments look
 * "suspended" while the audio device opens), whatever `--autoplay-policy` says, so a test of the
 * lobby's "sound off — tap to enable" would depend on timing. This gives every AudioContext of
 * the context the desktop rule: suspended, and `resume()` pending, until someone has tapped or
 * pressed a key on the page, then the real resume.
 */
export async function holdSoundUntilTapped(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    // A real tap or key press (isTrusted; Playwright's click is one). Not navigator.userActivation:
    // a page Playwright opened counts as activated from the start.
    let touched = false;
    const touch = (e: Event) => {
      if (e.isTrusted) touched = true;
    };
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, touch, { capture: true });
    const tapped = () => touched;
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options);
        if (!tapped()) void super.suspend();
      }
      override resume(): Promise<void> {
        return tapped() ? super.resume() : new Promise<void>(() => {});
      }
    };
  });
}
