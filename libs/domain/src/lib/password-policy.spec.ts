import { passwordProblems } from './access-policy';

describe('passwordProblems (the one policy of the api and the console)', () => {
  it('accepts a long password mixing three kinds of characters', () => {
    expect(passwordProblems('Lang-Son-2026-ok', 'trucban')).toEqual([]);
    expect(passwordProblems('lang son 2026 ok', 'trucban')).toEqual([]);
  });

  it('names every broken rule with its parameters', () => {
    expect(passwordProblems('Ab1!', 'trucban')).toEqual([{ code: 'too_short', params: { min: 12 } }]);
    expect(passwordProblems('x'.repeat(257) + 'A1', 'trucban')).toEqual([{ code: 'too_long', params: { max: 256 } }]);
    expect(passwordProblems('onlylowercaseletters', 'trucban')).toEqual([{ code: 'too_few_character_kinds', params: { min: 3 } }]);
    expect(passwordProblems('TrucBan-2026-xyz', 'trucban')).toEqual([{ code: 'contains_username' }]);
    expect(passwordProblems('NetDuty@2026!!', 'admin', 'NetDuty@2026!!')).toEqual([{ code: 'same_as_current' }]);
  });
});
