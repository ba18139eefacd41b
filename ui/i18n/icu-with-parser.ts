import { IntlMessageFormat } from 'intl-messageformat';
import { parse } from '@formatjs/icu-messageformat-parser';
import { provideIcu } from './icu-on-demand';
import { compileIcu } from './icu';

/**
 * Loaded by the lobby for a branch whose own wording uses ICU syntax (board-words.ts): the
 * lobby's build gives intl-messageformat no parser (its catalogues come compiled), so it is
 * handed this one (its documented `__parse`), and the localizer gets intl-messageformat.
 */
IntlMessageFormat.__parse = parse;
provideIcu(compileIcu);
