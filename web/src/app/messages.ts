import { messages as auth } from '../auth/messages';
import { messages as calendar } from '../calendar/messages';
import { messages as common } from '../common/messages';
import { messages as events } from '../events/messages';
import { messages as overview } from '../overview/messages';
import { messages as app } from './app.messages';
import { messages as campaigns } from '../campaigns/messages';
import { messages as targets } from '../targets/messages';
import { messages as reports } from '../reports/messages';
import { messages as admin } from '../admin/messages';
import { messages as account } from '../account/messages';
import { messages as funds } from '../funds/messages';
import { messages as scoreboard } from '../scoreboard/messages';
import { messages as scenarios } from '../scenarios/messages';

const MANAGEMENT_PAGES = { campaigns, targets, reports, admin, account };
const ACCOUNTABILITY_PAGES = { funds, scoreboard, scenarios };

/**
 * Every feature's messages, one i18next namespace per feature (`useTranslation('events')`).
 * A new page adds its `messages.ts` here; both languages are checked by `defineMessages`.
 */
export const MESSAGES = {
  common,
  app,
  auth,
  overview,
  events,
  calendar,
  ...MANAGEMENT_PAGES,
  ...ACCOUNTABILITY_PAGES,
};
