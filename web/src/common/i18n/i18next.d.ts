import 'i18next';
import type { MESSAGES } from '../../app/messages';

type Resources = { [NS in keyof typeof MESSAGES]: (typeof MESSAGES)[NS]['zh-CN'] };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
