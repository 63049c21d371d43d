import 'i18next';
import type { dashboardVi } from '../features/dashboard/i18n/dashboard.vi';
import type { roamingVi } from '../features/roaming/i18n/roaming.vi';
import type { onDutyVi } from './locales/on-duty.vi';
import type { vi } from './locales/vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // onDutyVi is registered by the lazy chunks that use it (register-on-duty-strings.ts), not in the first load;
    // so are the areas' own strings (dashboardVi: the dashboard's chunks).
    resources: { translation: typeof vi & typeof onDutyVi & typeof dashboardVi & typeof roamingVi };
  }
}
