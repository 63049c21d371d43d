import type { i18n as I18n } from 'i18next';

type Strings = Record<string, unknown>;

const registered = new WeakMap<I18n, Set<Strings>>();

/**
 * Adds one area's strings to i18next when its chunk loads, so they stay out of the first load.
 * Vietnamese is always loaded, so it is added at once. English is added only beside a loaded English
 * bundle: a bundle added before the lazy English strings arrive would make i18next think English is
 * loaded and never fetch the rest.
 */
export function registerStrings(i18n: I18n, vi: Strings, en: Strings): void {
  const done = registered.get(i18n) ?? new Set<Strings>();
  registered.set(i18n, done);
  if (done.has(vi)) return;
  done.add(vi);
  i18n.addResourceBundle('vi', 'translation', vi, true, false);
  const addEnglish = () => i18n.addResourceBundle('en', 'translation', en, true, false);
  if (i18n.hasResourceBundle('en', 'translation')) addEnglish();
  i18n.on('loaded', (loaded: Record<string, unknown>) => {
    if ('en' in loaded) addEnglish();
  });
}
