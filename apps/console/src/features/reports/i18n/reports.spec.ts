import { expectSameShape } from '../../../i18n/locales/same-shape.spec-helper';
import { reportsEn } from './reports.en';
import { reportsVi } from './reports.vi';

describe('reports strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectSameShape(reportsVi, reportsEn);
  });
});
