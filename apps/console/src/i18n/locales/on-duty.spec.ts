import i18next from 'i18next';
import { registerOnDutyStrings } from '../register-on-duty-strings';
import { onDutyEn } from './on-duty.en';
import { onDutyVi } from './on-duty.vi';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [childPath, childValue] of leaves(value, path)) result.set(childPath, childValue);
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

describe('on-duty strings', () => {
  it('have the same keys and placeholders in Vietnamese and English, none empty', () => {
    const vi = leaves(onDutyVi);
    const en = leaves(onDutyEn);
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [path, text] of vi) {
      expect({ path, empty: text.trim() === '' || (en.get(path) ?? '').trim() === '' }).toEqual({ path, empty: false });
      expect({ path, placeholders: placeholders(en.get(path) ?? '') }).toEqual({ path, placeholders: placeholders(text) });
    }
  });

  it('adds English only once the English bundle is loaded, so the lazy English strings are still fetched', async () => {
    const read = jest.fn((language: string, _ns: string, callback: (error: null, data: object) => void) =>
      callback(null, language === 'en' ? { app: { name: 'NetDuty EN' } } : {}),
    );
    const instance = i18next.createInstance();
    await instance
      .use({ type: 'backend', init: () => undefined, read })
      .init({ lng: 'vi', fallbackLng: 'vi', resources: { vi: { translation: { app: { name: 'NetDuty' } } } }, partialBundledLanguages: true });
    registerOnDutyStrings(instance);
    expect(instance.t('chain.escalateNow')).toBe('Chuyển cấp ngay');
    expect(instance.hasResourceBundle('en', 'translation')).toBe(false);
    await instance.changeLanguage('en');
    expect(read).toHaveBeenCalledWith('en', 'translation', expect.any(Function));
    expect(instance.t('app.name')).toBe('NetDuty EN');
    expect(instance.t('chain.escalateNow')).toBe('Escalate now');
  });
});
