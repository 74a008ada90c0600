import 'i18next';
import type { AllMessages } from '../../app/messages';

type Resources = { [NS in keyof AllMessages]: AllMessages[NS]['zh-CN'] };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
