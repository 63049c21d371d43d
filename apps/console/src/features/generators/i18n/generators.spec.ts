import { expectSameShape } from '../../../i18n/locales/same-shape.spec-helper';
import { generatorsEn } from './generators.en';
import { generatorsVi } from './generators.vi';

describe('generator dispatch strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectSameShape(generatorsVi, generatorsEn);
  });
});
