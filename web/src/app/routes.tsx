import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/session';
import { loadPageMessages } from '../common/i18n/i18n';

export interface PageRoute {
  /** A react-router path under the signed-in layout. */
  path: string;
  /** The page, loaded on demand so each route only costs its own JavaScript. */
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open it; every signed-in user when absent. The API enforces the same. */
  roles?: readonly Role[];
}

/**
 * A page past the overview: its chunk, the pages' messages and dayjs's set-up load together, so
 * the page renders once all are in (behind the layout's one Suspense fallback) and never suspends
 * again for them.
 */
function page(load: () => Promise<{ default: ComponentType }>): LazyExoticComponent<ComponentType> {
  return lazy(() =>
    Promise.all([load(), loadPageMessages(), import('../common/dayjs')]).then(([module]) => module),
  );
}

export const STAFF: readonly Role[] = ['admin', 'planner'];
export const WRITERS: readonly Role[] = ['admin', 'planner', 'organizer'];

/**
 * The console's pages behind sign-in, one lazy entry each. Sign-in and invitation pages are
 * public and live in `app.tsx`. Add a page here and its menu entry in `nav.tsx`.
 */
export const ROUTES: PageRoute[] = [
  { path: '/', page: lazy(() => import('../overview/overview-page')) },
  { path: '/calendar', page: page(() => import('../calendar/calendar-page')) },
  { path: '/events', page: page(() => import('../events/events-page')), roles: WRITERS },
  { path: '/events/new', page: page(() => import('../events/event-edit-page')), roles: WRITERS },
  { path: '/events/:id', page: page(() => import('../events/event-page')) },
  { path: '/events/:id/edit', page: page(() => import('../events/event-edit-page')), roles: WRITERS },
  { path: '/approvals', page: page(() => import('../events/approvals-page')), roles: STAFF },
  // campaigns, targets, reports, admin and account pages are added here by their features.
  { path: '/campaigns', page: page(() => import('../campaigns/campaigns-page')) },
  { path: '/campaigns/new', page: page(() => import('../campaigns/campaign-form-page')), roles: STAFF },
  { path: '/campaigns/:id', page: page(() => import('../campaigns/campaign-page')) },
  { path: '/campaigns/:id/edit', page: page(() => import('../campaigns/campaign-form-page')), roles: STAFF },
  { path: '/targets', page: page(() => import('../targets/targets-page')) },
  { path: '/targets/:id', page: page(() => import('../targets/target-page')) },
  {
    path: '/reports',
    page: page(() => import('../reports/reports-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  { path: '/funds', page: page(() => import('../funds/funds-page')) },
  { path: '/funds/:id', page: page(() => import('../funds/fund-page')) },
  {
    path: '/scoreboard',
    page: page(() => import('../scoreboard/scoreboard-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  {
    path: '/scenarios',
    page: page(() => import('../scenarios/scenarios-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  {
    path: '/scenarios/:id',
    page: page(() => import('../scenarios/scenario-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  { path: '/administration', page: page(() => import('../admin/admin-page')), roles: ['admin'] },
  { path: '/account', page: page(() => import('../account/account-page')) },
];
