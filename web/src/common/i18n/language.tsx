import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18n, { storeLanguage, type Language } from './i18n';

/**
 * Ant Design's default greys, warning yellow and status colours fall short of WCAG AA contrast
 * on white and on their tinted backgrounds; these darker tokens pass (axe runs on every page).
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // Values of a read-only form (a completed campaign) must stay legible too.
    colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
  },
};

const ANTD = { 'zh-CN': zhCN, en: enUS };

const LanguageContext = createContext<{ language: Language; setLanguage: (l: Language) => void }>({
  language: 'zh-CN',
  setLanguage: () => undefined,
});

export function useLanguage() {
  return useContext(LanguageContext);
}

/**
 * Switches i18next and Ant Design's locale together (dayjs follows i18next, see `dayjs.ts`),
 * remembers the choice and keeps `<html lang>` right for screen readers.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(i18n.language as Language);
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    void i18n.changeLanguage(next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = i18n.getFixedT(null, 'app')('product');
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={ANTD[language]} theme={THEME}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
