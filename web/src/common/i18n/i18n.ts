import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES } from '../../app/messages';

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

type Namespace = keyof typeof MESSAGES;
const namespaces = Object.keys(MESSAGES) as Namespace[];

function resourcesOf(language: Language) {
  return Object.fromEntries(namespaces.map((ns) => [ns, MESSAGES[ns][language]]));
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

export default i18n;
