import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EAGER_MESSAGES } from '../../app/messages';

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

type Namespace = keyof typeof EAGER_MESSAGES;
const namespaces = Object.keys(EAGER_MESSAGES) as Namespace[];

function resourcesOf(language: Language) {
  return Object.fromEntries(namespaces.map((ns) => [ns, EAGER_MESSAGES[ns][language]]));
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': resourcesOf('zh-CN'), en: resourcesOf('en') },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

let pageMessages: Promise<void> | undefined;

/**
 * Adds the other pages' namespaces (both languages, one chunk) once. The route table awaits it
 * together with a page's own chunk, so a page never renders, or suspends after showing, before
 * its messages are in. There is no i18next backend: a namespace is either bundled or added here.
 */
export function loadPageMessages(): Promise<void> {
  pageMessages ??= import('../../app/page-messages').then(
    ({ PAGE_MESSAGES }) => {
      for (const [namespace, byLanguage] of Object.entries(PAGE_MESSAGES)) {
        for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, byLanguage[language]);
      }
    },
    (error: unknown) => {
      pageMessages = undefined; // a failed chunk load may be retried by the next navigation
      throw error;
    },
  );
  return pageMessages;
}

export default i18n;
