import type { Language } from './languages';
import { addMessages } from './messages';
import common_it from './common/it.json';
import common_en from './common/en.json';
import common_fr from './common/fr.json';
import common_es from './common/es.json';
import common_de from './common/de.json';
import common_nl from './common/nl.json';
import lobby_it from './lobby/it.json';
import lobby_en from './lobby/en.json';
import lobby_fr from './lobby/fr.json';
import lobby_es from './lobby/es.json';
import lobby_de from './lobby/de.json';
import lobby_nl from './lobby/nl.json';
import tablet_it from './tablet/it.json';
import tablet_en from './tablet/en.json';
import tablet_fr from './tablet/fr.json';
import tablet_es from './tablet/es.json';
import tablet_de from './tablet/de.json';
import tablet_nl from './tablet/nl.json';
import console_it from './console/it.json';
import console_en from './console/en.json';
import console_fr from './console/fr.json';
import console_es from './console/es.json';
import console_de from './console/de.json';
import console_nl from './console/nl.json';
import kiosk_it from './kiosk/it.json';
import kiosk_en from './kiosk/en.json';
import kiosk_fr from './kiosk/fr.json';
import kiosk_es from './kiosk/es.json';
import kiosk_de from './kiosk/de.json';
import kiosk_nl from './kiosk/nl.json';
import causes_it from './causes/it.json';
import causes_en from './causes/en.json';
import causes_fr from './causes/fr.json';
import causes_es from './causes/es.json';
import causes_de from './causes/de.json';
import causes_nl from './causes/nl.json';

import history_it from './history/it.json';
import history_en from './history/en.json';
import history_fr from './history/fr.json';
import history_es from './history/es.json';
import history_de from './history/de.json';
import history_nl from './history/nl.json';
/**
 * The catalogues: one JSON file per part of the product and language (ui/i18n/<part>/<lang>.json),
 * so a translator edits data and parallel work on the lobby, tablet, console and kiosk touches
 * different files. English is the reference: its keys are the message keys; every other language
 * has every one of them with the same placeholders (test/unit/catalogue.test.ts).
 * To add a part: a folder with six files, six imports here and its name in PARTS.
 */
export const PARTS = ['common', 'lobby', 'tablet', 'console', 'kiosk', 'causes', 'history'] as const;
export type Part = (typeof PARTS)[number];

export type MessageKey = keyof typeof common_en | keyof typeof lobby_en | keyof typeof tablet_en | keyof typeof console_en | keyof typeof kiosk_en | keyof typeof causes_en | keyof typeof history_en;

type Catalogue = Partial<Record<MessageKey, string>>;

/** Each part's messages per language, as the files hold them (for the parity test and tools). */
export const PART_CATALOGUES: Record<Part, Record<Language, Record<string, string>>> = {
  common: { it: common_it, en: common_en, fr: common_fr, es: common_es, de: common_de, nl: common_nl },
  lobby: { it: lobby_it, en: lobby_en, fr: lobby_fr, es: lobby_es, de: lobby_de, nl: lobby_nl },
  tablet: { it: tablet_it, en: tablet_en, fr: tablet_fr, es: tablet_es, de: tablet_de, nl: tablet_nl },
  console: { it: console_it, en: console_en, fr: console_fr, es: console_es, de: console_de, nl: console_nl },
  kiosk: { it: kiosk_it, en: kiosk_en, fr: kiosk_fr, es: kiosk_es, de: kiosk_de, nl: kiosk_nl },
  /** Causes on screen (issue 7): promise, capacity, out-of-turn reasons, the tablet's alerts. */
  causes: { it: causes_it, en: causes_en, fr: causes_fr, es: causes_es, de: causes_de, nl: causes_nl },
  history: { it: history_it, en: history_en, fr: history_fr, es: history_es, de: history_de, nl: history_nl },
};

/** All parts merged, per language. */
export const CATALOGUES = Object.fromEntries(
  (['it', 'en', 'fr', 'es', 'de', 'nl'] as const).map((l) => [l, Object.assign({}, ...PARTS.map((p) => PART_CATALOGUES[p][l])) as Catalogue]),
) as Record<Language, Catalogue>;

// Importing the whole catalogue makes every part known to the localizer (console, tools, tests).
for (const part of PARTS) addMessages(PART_CATALOGUES[part]);
