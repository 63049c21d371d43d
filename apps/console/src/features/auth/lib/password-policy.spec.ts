import { passwordProblems } from '@netduty/domain';
import { passwordPolicyProblems, problemMessageKey } from './password-policy';

describe('passwordPolicyProblems', () => {
  it('accepts a long password mixing three kinds of characters', () => {
    expect(passwordPolicyProblems('Lang-Son-2026-ok', 'trucban')).toEqual([]);
    expect(passwordPolicyProblems('lang son 2026 ok', 'trucban')).toEqual([]);
  });

  it('names every problem', () => {
    expect(passwordPolicyProblems('Ab1!', 'trucban')).toEqual(['tooShort']);
    expect(passwordPolicyProblems('onlylowercaseletters', 'trucban')).toEqual(['tooFewKinds']);
    expect(passwordPolicyProblems('TrucBan-2026-xyz', 'trucban')).toEqual(['containsUsername']);
    expect(passwordPolicyProblems('NetDuty@2026!!', 'admin', 'NetDuty@2026!!')).toEqual(['sameAsCurrent']);
  });

  it('agrees with the api on what is acceptable', () => {
    for (const [password, username] of [
      ['NetDuty@2026', 'admin'],
      ['short', 'admin'],
      ['aaaaaaaaaaaaaaaa', 'admin'],
      ['Viettel.Lsn-2026', 'viettel.lsn'],
      ['xx-ADMIN-2026-xx', 'admin'],
      ['Correct horse 2026', 'lanhdao'],
    ] as const) {
      expect({ password, ok: passwordPolicyProblems(password, username).length === 0 }).toEqual({
        password,
        ok: passwordProblems(password, username).length === 0,
      });
    }
  });
});

describe('problemMessageKey', () => {
  it('translates the problems the api words in English', () => {
    for (const problem of passwordProblems('abc', 'abc')) expect(problemMessageKey(problem)).not.toBeNull();
    expect(problemMessageKey('is not your current password')).toBe('passwordPolicy.wrongCurrent');
    expect(problemMessageKey('is already taken')).toBe('fieldProblem.taken');
    expect(problemMessageKey('something new')).toBeNull();
  });
});
