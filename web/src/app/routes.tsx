import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/session';

export interface PageRoute {
  /** A react-router path under the signed-in layout. */
  path: string;
  /** The page, loaded on demand so each route only costs its own JavaScript. */
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open it; every signed-in user when absent. The API enforces the same. */
  roles?: readonly Role[];
}

export const STAFF: readonly Role[] = ['admin', 'planner'];
export const WRITERS: readonly Role[] = ['admin', 'planner', 'organizer'];

/**
 * The console's pages behind sign-in, one lazy entry each. Sign-in and invitation pages are
 * public and live in `app.tsx`. Add a page here and its menu entry in `nav.tsx`.
 */
export const ROUTES: PageRoute[] = [
  { path: '/', page: lazy(() => import('../overview/overview-page')) },
  { path: '/calendar', page: lazy(() => import('../calendar/calendar-page')) },
  { path: '/events', page: lazy(() => import('../events/events-page')), roles: WRITERS },
  { path: '/events/new', page: lazy(() => import('../events/event-edit-page')), roles: WRITERS },
  { path: '/events/:id', page: lazy(() => import('../events/event-page')) },
  { path: '/events/:id/edit', page: lazy(() => import('../events/event-edit-page')), roles: WRITERS },
  { path: '/approvals', page: lazy(() => import('../events/approvals-page')), roles: STAFF },
  // campaigns, targets, reports, admin and account pages are added here by their features.
  { path: '/campaigns', page: lazy(() => import('../campaigns/campaigns-page')) },
  { path: '/campaigns/new', page: lazy(() => import('../campaigns/campaign-form-page')), roles: STAFF },
  { path: '/campaigns/:id', page: lazy(() => import('../campaigns/campaign-page')) },
  { path: '/campaigns/:id/edit', page: lazy(() => import('../campaigns/campaign-form-page')), roles: STAFF },
  { path: '/targets', page: lazy(() => import('../targets/targets-page')) },
  { path: '/targets/:id', page: lazy(() => import('../targets/target-page')) },
  {
    path: '/reports',
    page: lazy(() => import('../reports/reports-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  { path: '/funds', page: lazy(() => import('../funds/funds-page')) },
  { path: '/funds/:id', page: lazy(() => import('../funds/fund-page')) },
  {
    path: '/scoreboard',
    page: lazy(() => import('../scoreboard/scoreboard-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  {
    path: '/scenarios',
    page: lazy(() => import('../scenarios/scenarios-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  {
    path: '/scenarios/:id',
    page: lazy(() => import('../scenarios/scenario-page')),
    roles: ['admin', 'planner', 'viewer'],
  },
  { path: '/administration', page: lazy(() => import('../admin/admin-page')), roles: ['admin'] },
  { path: '/account', page: lazy(() => import('../account/account-page')) },
];
