import { API_ERROR_CODES, FIELD_PROBLEM_CODES } from '@netduty/contracts';
import { passwordProblems } from '@netduty/domain';
import i18next from 'i18next';
import { en } from '../i18n/locales/en';
import { onDutyEn } from '../i18n/locales/on-duty.en';
import { onDutyVi } from '../i18n/locales/on-duty.vi';
import { vi } from '../i18n/locales/vi';
import { describeFieldProblem } from './field-problem';

describe('describeFieldProblem', () => {
  const i18n = i18next.createInstance();

  beforeAll(async () => {
    await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', fallbackLng: false, interpolation: { escapeValue: false } });
  });

  it('words every field problem code and every error code of contracts in both languages', () => {
    for (const translations of [vi, en]) {
      for (const code of FIELD_PROBLEM_CODES) expect({ code, text: typeof translations.fieldProblemCode[code] }).toEqual({ code, text: 'string' });
      for (const code of API_ERROR_CODES) expect({ code, text: typeof translations.errors.code[code] }).toEqual({ code, text: 'string' });
    }
  });

  it('puts the parameters into the sentence: limits, allowed values, a role by its label', async () => {
    await i18n.changeLanguage('en');
    expect(describeFieldProblem(i18n.t, { code: 'too_long', params: { max: 200 } })).toBe('At most 200 characters');
    expect(describeFieldProblem(i18n.t, { code: 'not_one_of', params: { allowed: ['P0', 'P1'] } })).toBe('Must be one of: P0, P1');
    expect(describeFieldProblem(i18n.t, { code: 'required_for_role', params: { role: 'cluster_staff' } })).toBe(`Required for the role ${en.role.cluster_staff}`);
    await i18n.changeLanguage('vi');
    expect(describeFieldProblem(i18n.t, { code: 'too_long', params: { max: 200 } })).toBe('Tối đa 200 ký tự');
  });

  it('words the password policy the domain checks, as the api sends it', async () => {
    await i18n.changeLanguage('vi');
    const texts = passwordProblems('trucban', 'trucban').map((problem) => describeFieldProblem(i18n.t, problem));
    expect(texts).toEqual(['Tối thiểu 12 ký tự', 'Cần ít nhất 3 loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu)', 'Không được chứa tên đăng nhập']);
  });

  it('words an invalid value by its rule once the area that knows the rule has loaded, else as invalid', async () => {
    await i18n.changeLanguage('en');
    const problem = { code: 'invalid', params: { rule: 'lead_not_member' } } as const;
    expect(describeFieldProblem(i18n.t, problem)).toBe(en.fieldProblemCode.invalid);
    i18n.addResourceBundle('en', 'translation', onDutyEn, true, false);
    i18n.addResourceBundle('vi', 'translation', onDutyVi, true, false);
    expect(describeFieldProblem(i18n.t, problem)).toBe('The lead must be one of those on duty');
    expect(describeFieldProblem(i18n.t, { code: 'invalid', params: { rule: 'some_rule_of_a_newer_api' } })).toBe(en.fieldProblemCode.invalid);
    await i18n.changeLanguage('vi');
    expect(describeFieldProblem(i18n.t, problem)).toBe('Trưởng ca phải là một trong những người trực');
  });
});
