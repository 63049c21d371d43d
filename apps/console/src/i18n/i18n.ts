import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import type { BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerAntdLocale } from './antd-locale';
import { vi } from './locales/vi';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'netduty.language';

export function isSupportedLanguage(value: string | undefined): value is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The active language narrowed to the ones the console ships; anything else falls back to Vietnamese. */
export function currentLanguage(language: string | undefined): SupportedLanguage {
  const base = language?.split('-')[0];
  return isSupportedLanguage(base) ? base : 'vi';
}

/**
 * Vietnamese ships in the first load; English (its strings and antd's) is fetched the first time it is
 * needed: i18next switches the language only once this has answered, so nothing renders half-English.
 */
const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'en') {
      callback(null, language === 'vi' ? vi : {});
      return;
    }
    Promise.all([import('./locales/en'), import('antd/locale/en_US')])
      .then(([strings, antd]) => {
        registerAntdLocale('en', antd.default);
        callback(null, strings.en);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
  },
};

void i18n
  .use(lazyLocales)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi } },
    partialBundledLanguages: true,
    // Vietnamese first: the browser's own language is deliberately not consulted, because duty
    // officers' machines are often set to English while the department works in Vietnamese.
    fallbackLng: 'vi',
    supportedLngs: SUPPORTED_LANGUAGES,
    nonExplicitSupportedLngs: true,
    detection: {
      order: ['querystring', 'localStorage'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = currentLanguage(language);
  document.title = i18n.t('app.documentTitle');
}

i18n.on('languageChanged', applyDocumentLanguage);
if (i18n.isInitialized) applyDocumentLanguage(i18n.language);

export { i18n };
