// Tests word things as the staff pages do, with the public board's words in every language at
// hand (localize.ts itself brings none: each page imports its parts; the lobby loads them per
// language, ui/i18n/board-words.ts).
import '../../ui/i18n/parts/public-board';
