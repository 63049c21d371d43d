import type { Locale } from 'antd/es/locale';
import viVN from 'antd/locale/vi_VN';

/**
 * antd's own strings per console language. Vietnamese is in the first load; English arrives with the
 * English strings (`i18n.ts` loads both before it switches the language), so it is here before it is used.
 */
const ANTD_LOCALES: Partial<Record<string, Locale>> = { vi: viVN };

export function registerAntdLocale(language: string, locale: Locale): void {
  ANTD_LOCALES[language] = locale;
}

export function antdLocaleOf(language: string): Locale {
  return ANTD_LOCALES[language] ?? viVN;
}
