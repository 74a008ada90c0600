import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n, { type Language } from './i18n/i18n';

/**
 * dayjs as the date pickers and the pages past the overview use it: time zones, and the locale
 * (week days, month names) following the console's language. Loaded with those pages (see
 * `routes.tsx`), not with the sign-in and overview routes, which format dates with `Intl`.
 */
dayjs.extend(utc);
dayjs.extend(timezone);

const DAYJS: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };
const follow = (language: string) => dayjs.locale(DAYJS[language as Language] ?? DAYJS['zh-CN']);
follow(i18n.language);
i18n.on('languageChanged', follow);
