import { expectSameShape } from '../../../i18n/locales/same-shape.spec-helper';
import { mapEn } from './map.en';
import { mapVi } from './map.vi';

describe('map strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectSameShape(mapVi, mapEn);
  });
});
