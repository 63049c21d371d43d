import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
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

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi }, en: { translation: en } },
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
