import i18next from 'i18next';
import { registerOnDutyStrings } from '../register-on-duty-strings';
import { onDutyEn } from './on-duty.en';
import { onDutyVi } from './on-duty.vi';
import { expectSameShape } from './same-shape.spec-helper';

describe('on-duty strings', () => {
  it('have the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectSameShape(onDutyVi, onDutyEn);
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
