import { createContext } from '@lit/context';
import type { SessionUser } from '../../lib/api';
import type { ConsoleLang } from '../i18n/console-strings';
import type { BranchDirectory } from './branch-directory';
import type { ConsoleApi } from './console-api';

/**
 * What every console page may need, provided once by the console shell (bb-console-app) and read
 * with @consume, so that a page is just its element: no props to thread through the layout.
 * One context per concern.
 */

/** Who is signed in (role and branches decide what the console offers). */
export const userContext = createContext<SessionUser | null>(Symbol('console-user'));

/** The language the console speaks to its user (not the languages a branch's screens show). */
export const langContext = createContext<ConsoleLang>(Symbol('console-lang'));

/** The REST door: every read and command of the console goes through it. */
export const apiContext = createContext<ConsoleApi>(Symbol('console-api'));

/** The branches this user may see, with their names. */
export const branchesContext = createContext<BranchDirectory>(Symbol('console-branches'));
