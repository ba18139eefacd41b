import { css, html, nothing } from 'lit';
import type { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';

/**
 * What the console's two sound forms share (the branch's, bb-branch-sound, and a screen's own,
 * bb-screen-sound): their four-column grid with the volume slider, and their footer — the save
 * button in the grid's last cell, then why it was not saved, or that it was.
 */
export const soundFormStyles = css`
  .grid.four {
    grid-template-columns: repeat(4, minmax(0, 1fr));
    align-items: end;
  }
  .volume {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .volume input[type='range'] {
    flex: 1;
    min-width: 0;
  }
`;

/** The save button, busy while saving. */
export function soundSaveButton(save: SaveController, u: ConsoleLang, testid: string) {
  return html`<div class="actions">
    <button class="btn" type="submit" data-testid=${testid} aria-busy=${save.busy ? 'true' : 'false'}>${save.busy ? ct(u, 'common.saving') : ct(u, 'screens.soundSave')}</button>
  </div>`;
}

/** Under the grid: the reason it was not saved (an alert), or that it was (a status). */
export function soundSaveOutcome(save: SaveController, savedTestid: string, saved: string) {
  return html`${save.status === 'error' ? html`<p class="error" role="alert">${save.message}</p>` : nothing}
  ${save.status === 'saved' ? html`<p class="ok-note" role="status" data-testid=${savedTestid}>${saved}</p>` : nothing}`;
}
