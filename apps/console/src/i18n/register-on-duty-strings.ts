import type { i18n as I18n } from 'i18next';
import { onDutyEn } from './locales/on-duty.en';
import { onDutyVi } from './locales/on-duty.vi';
import { registerStrings } from './register-strings';

/** Adds the chain, banner, roster and policy-admin strings to i18next (see `registerStrings`). */
export function registerOnDutyStrings(i18n: I18n): void {
  registerStrings(i18n, onDutyVi, onDutyEn);
}
