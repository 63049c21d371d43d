import type { i18n as I18n } from 'i18next';
import { onDutyEn } from './locales/on-duty.en';
import { onDutyVi } from './locales/on-duty.vi';

const registered = new WeakSet<I18n>();

/**
 * Adds the chain, banner and policy-admin strings to i18next. Vietnamese is always loaded, so it is added
 * at once. English is added only beside a loaded English bundle: a bundle added before the lazy English
 * strings arrive would make i18next think English is loaded and never fetch the rest.
 */
export function registerOnDutyStrings(i18n: I18n): void {
  if (registered.has(i18n)) return;
  registered.add(i18n);
  i18n.addResourceBundle('vi', 'translation', onDutyVi, true, false);
  const addEnglish = () => i18n.addResourceBundle('en', 'translation', onDutyEn, true, false);
  if (i18n.hasResourceBundle('en', 'translation')) addEnglish();
  i18n.on('loaded', (loaded: Record<string, unknown>) => {
    if ('en' in loaded) addEnglish();
  });
}
