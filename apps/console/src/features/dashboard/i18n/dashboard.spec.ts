import { expectSameShape } from '../../../i18n/locales/same-shape.spec-helper';
import { dashboardEn } from './dashboard.en';
import { dashboardVi } from './dashboard.vi';

describe('dashboard strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, and no empty string', () => {
    expectSameShape(dashboardVi, dashboardEn);
  });
});
