import { expectSameShape } from '../../../i18n/locales/same-shape.spec-helper';
import { roamingEn } from './roaming.en';
import { roamingVi } from './roaming.vi';

describe('roaming strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, and no empty string', () => {
    expectSameShape(roamingVi, roamingEn);
  });
});
