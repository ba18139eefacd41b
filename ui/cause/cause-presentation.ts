import type { TemplateResult } from 'lit';
import type { Cause, Effect } from '../../core/client';
import { causeIcon, type CauseIconOptions } from '../icons/cause-icons';
import { t } from '../i18n/localize';
import { causeColor } from './cause-colors';

/**
 * How a notice's cause is presented on every screen — its words, its icon and its colour — so
 * the lobby, the phone, the tablet and the console call a cause by the same name and picture.
 * The words come from the catalogue (common.cause.*); core keeps only the list of causes.
 */
export function causeLabel(cause: Cause, lang: string): string {
  return t(lang, `common.cause.${cause}`);
}

export function effectLabel(effect: Effect, lang: string): string {
  return t(lang, `common.effect.${effect}`);
}

export interface CausePresentation {
  label: string;
  icon: TemplateResult;
  /** A CSS colour (a custom property with its default), for accents: never the only sign. */
  color: string;
}

export function causePresentation(cause: Cause, lang: string, icon: CauseIconOptions = {}): CausePresentation {
  return { label: causeLabel(cause, lang), icon: causeIcon(cause, icon), color: causeColor(cause) };
}
