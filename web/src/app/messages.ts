import { messages as auth } from '../auth/messages';
import { messages as common } from '../common/messages';
import { messages as overview } from '../overview/messages';
import { messages as app } from './app.messages';
import type { PAGE_MESSAGES } from './page-messages';

/**
 * The messages the first screens need (sign-in, the layout and the overview), bundled with the
 * app. One i18next namespace per feature (`useTranslation('events')`). The other pages' messages
 * are in `page-messages.ts`.
 */
export const EAGER_MESSAGES = { common, app, auth, overview };

/** Every namespace with its messages in both languages (for the types of `t`). */
export type AllMessages = typeof EAGER_MESSAGES & typeof PAGE_MESSAGES;
