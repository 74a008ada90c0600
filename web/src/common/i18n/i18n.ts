import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EAGER_MESSAGES, LAZY_MESSAGES } from '../../app/messages';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'planner.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

type Eager = keyof typeof EAGER_MESSAGES;
type Lazy = keyof typeof LAZY_MESSAGES;
const eager = Object.keys(EAGER_MESSAGES) as Eager[];

function resourcesOf(language: Language) {
  return Object.fromEntries(eager.map((ns) => [ns, EAGER_MESSAGES[ns][language]]));
}

/** Loads a page's namespace (both languages are in its module) when a page first asks for it. */
const pageMessages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = LAZY_MESSAGES[namespace as Lazy] as (typeof LAZY_MESSAGES)[Lazy] | undefined;
    if (!load) return callback(new Error(`no messages for the namespace ${namespace}`), false);
    load().then(
      ({ messages }) => callback(null, messages[language as Language] ?? messages[DEFAULT_LANGUAGE]),
      (error: Error) => callback(error, false),
    );
  },
};

void i18n
  .use(pageMessages)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': resourcesOf('zh-CN'), en: resourcesOf('en') },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: eager,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export default i18n;
