import { messages as auth } from '../auth/messages';
import { messages as common } from '../common/messages';
import { messages as events } from '../events/messages';
import { messages as overview } from '../overview/messages';
import { messages as app } from './app.messages';

/**
 * Messages every first screen needs (sign-in, the layout, the overview and the event bits it
 * shows), bundled with the app. One i18next namespace per feature (`useTranslation('events')`).
 */
export const EAGER_MESSAGES = { common, app, auth, overview, events };

/**
 * The other pages' messages, loaded with the first page that asks for them (i18next suspends
 * that page until they are in). A new page adds its `messages.ts` here; both languages are
 * checked by `defineMessages`.
 */
export const LAZY_MESSAGES = {
  calendar: () => import('../calendar/messages'),
  campaigns: () => import('../campaigns/messages'),
  targets: () => import('../targets/messages'),
  reports: () => import('../reports/messages'),
  admin: () => import('../admin/messages'),
  account: () => import('../account/messages'),
  funds: () => import('../funds/messages'),
  scoreboard: () => import('../scoreboard/messages'),
  scenarios: () => import('../scenarios/messages'),
};

/** Every namespace with its messages in both languages (for the types of `t`). */
export type AllMessages = typeof EAGER_MESSAGES & {
  [NS in keyof typeof LAZY_MESSAGES]: Awaited<ReturnType<(typeof LAZY_MESSAGES)[NS]>>['messages'];
};
