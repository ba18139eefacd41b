import type { SVGTemplateResult } from 'lit';
import type { SessionUser } from '../lib/api';
import type { ConsoleKey } from './i18n/console-strings';
import { navIcons } from './parts/nav-icons';

/**
 * Every page of the console, in the order the navigation shows them. To add a page: write its
 * element (a LitElement; branch pages get a `branch` property, everything else comes from the
 * contexts in data/contexts.ts) and add one entry here. The shell builds the navigation, the
 * route (#/console/branch/<id>/<id of the page>) and the access check from this list.
 */
export interface ConsolePage {
  /** The page's segment in the URL. */
  id: string;
  /** `bank`: one for the whole bank; `branch`: one per branch, with the branch in the URL. */
  area: 'bank' | 'branch';
  /** Its name in the navigation and its heading. */
  title: ConsoleKey;
  icon: SVGTemplateResult;
  /** Who sees it. */
  roles: readonly SessionUser['role'][];
  /** A branch page's group in the navigation: setting the branch up, or looking back at it. */
  group?: 'history';
  /** Shown in the navigation only when this says so (e.g. "all branches" for someone with several). */
  listed?: (user: SessionUser) => boolean;
  /** The custom element that renders it. */
  tag: string;
  /** Loads the element's module when the page is first opened. */
  load: () => Promise<unknown>;
}

const STAFF_OF_BRANCH: ConsolePage['roles'] = ['admin', 'manager'];
const seesSeveral = (u: SessionUser) => u.role === 'admin' || u.branches.length > 1;

export const PAGES: readonly ConsolePage[] = [
  {
    id: 'branches',
    area: 'bank',
    title: 'page.allBranches',
    icon: navIcons.branches,
    roles: STAFF_OF_BRANCH,
    listed: seesSeveral,
    tag: 'bb-all-branches-page',
    load: () => import('./pages/all-branches/bb-all-branches-page'),
  },
  {
    id: 'new-branch',
    area: 'bank',
    title: 'page.newBranch',
    icon: navIcons.plus,
    roles: ['admin'],
    tag: 'bb-new-branch-page',
    load: () => import('./pages/new-branch/bb-new-branch-page'),
  },
  {
    id: 'library',
    area: 'bank',
    title: 'page.library',
    icon: navIcons.library,
    roles: ['admin'],
    tag: 'bb-library-page',
    load: () => import('./pages/library/bb-library-page'),
  },
  {
    id: 'today',
    area: 'branch',
    title: 'page.today',
    icon: navIcons.today,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-today-page',
    load: () => import('./pages/today/bb-today-page'),
  },
  {
    id: 'services',
    area: 'branch',
    title: 'page.services',
    icon: navIcons.services,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-services-page',
    load: () => import('./pages/services/bb-services-page'),
  },
  {
    id: 'counters',
    area: 'branch',
    title: 'page.counters',
    icon: navIcons.counters,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-counters-page',
    load: () => import('./pages/counters/bb-counters-page'),
  },
  {
    id: 'presets',
    area: 'branch',
    title: 'page.presets',
    icon: navIcons.presets,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-presets-page',
    load: () => import('./pages/presets/bb-presets-page'),
  },
  {
    id: 'screens',
    area: 'branch',
    title: 'page.screens',
    icon: navIcons.screens,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-screens-page',
    load: () => import('./pages/screens/bb-screens-page'),
  },
  {
    // Issue 11: the keys an existing queue system feeds this branch with.
    id: 'integrations',
    area: 'branch',
    title: 'page.integrations',
    icon: navIcons.integrations,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-integrations-page',
    load: () => import('./pages/integrations/bb-integrations-page'),
  },
  {
    id: 'staff',
    area: 'branch',
    title: 'page.staff',
    icon: navIcons.staff,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-staff-page',
    load: () => import('./pages/staff/bb-staff-page'),
  },
  {
    id: 'settings',
    area: 'branch',
    title: 'page.settings',
    icon: navIcons.settings,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-settings-page',
    load: () => import('./pages/settings/bb-settings-page'),
  },
  {
    // Reached from "New branch"; not in the navigation.
    id: 'setup',
    area: 'branch',
    title: 'page.newBranch',
    icon: navIcons.plus,
    roles: STAFF_OF_BRANCH,
    listed: () => false,
    tag: 'bb-setup-page',
    load: () => import('./pages/new-branch/bb-setup-page'),
  },
  // History (issue 12): delays, reports, audit trail, webhooks — managers of the branch and admins.
  {
    id: 'delays',
    area: 'branch',
    group: 'history',
    title: 'page.delays',
    icon: navIcons.delays,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-delays-page',
    load: () => import('./pages/history/bb-delays-page'),
  },
  {
    id: 'reports',
    area: 'branch',
    group: 'history',
    title: 'page.reports',
    icon: navIcons.reports,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-reports-page',
    load: () => import('./pages/history/bb-reports-page'),
  },
  {
    id: 'audit',
    area: 'branch',
    group: 'history',
    title: 'page.audit',
    icon: navIcons.audit,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-audit-page',
    load: () => import('./pages/history/bb-audit-page'),
  },
  {
    id: 'webhooks',
    area: 'branch',
    group: 'history',
    title: 'page.webhooks',
    icon: navIcons.webhooks,
    roles: STAFF_OF_BRANCH,
    tag: 'bb-webhooks-page',
    load: () => import('./pages/history/bb-webhooks-page'),
  },
];

export function pageById(id: string): ConsolePage | undefined {
  return PAGES.find((p) => p.id === id);
}

export function mayOpen(page: ConsolePage, user: SessionUser): boolean {
  return page.roles.includes(user.role);
}

/** The page a user lands on: all branches when they have several, else their branch's day. */
export function startPage(user: SessionUser): { page: ConsolePage; branch?: string } | null {
  const first = user.branches.find((b) => b !== '*');
  if (seesSeveral(user)) return { page: pageById('branches')! };
  if (first) return { page: pageById('today')!, branch: first };
  return null;
}
