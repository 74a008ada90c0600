import { messages as account } from '../account/messages';
import { messages as admin } from '../admin/messages';
import { messages as calendar } from '../calendar/messages';
import { messages as campaigns } from '../campaigns/messages';
import { messages as events } from '../events/messages';
import { messages as funds } from '../funds/messages';
import { messages as reports } from '../reports/messages';
import { messages as scenarios } from '../scenarios/messages';
import { messages as scoreboard } from '../scoreboard/messages';
import { messages as targets } from '../targets/messages';

/**
 * The messages of the pages past the overview, one namespace per feature, loaded as one chunk by
 * `loadPageMessages` before the first such page renders (see `routes.tsx`). A new page adds its
 * `messages.ts` here; both languages are checked by `defineMessages`.
 */
export const PAGE_MESSAGES = {
  calendar,
  campaigns,
  events,
  targets,
  reports,
  admin,
  account,
  funds,
  scoreboard,
  scenarios,
};
