import { classifyLoginFailure } from './login-errors';

describe('classifyLoginFailure', () => {
  it('says the credentials are wrong for a 401', () => {
    expect(classifyLoginFailure({ statusCode: 401, code: 'not_authenticated', message: 'x' })).toEqual({ kind: 'invalid' });
  });

  it('gives the lockout in whole minutes, rounded up', () => {
    const locked = (retryAfterSeconds: unknown) =>
      classifyLoginFailure({ statusCode: 429, code: 'account_locked', message: 'x', details: { retryAfterSeconds } });
    expect(locked(900)).toEqual({ kind: 'locked', minutes: 15 });
    expect(locked(61)).toEqual({ kind: 'locked', minutes: 2 });
    expect(locked(5)).toEqual({ kind: 'locked', minutes: 1 });
    expect(locked(undefined)).toEqual({ kind: 'locked', minutes: 1 });
  });

  it('tells rate limiting and network failures apart from the rest', () => {
    expect(classifyLoginFailure({ statusCode: 429, code: 'too_many_requests', message: 'x' })).toEqual({ kind: 'tooMany' });
    expect(classifyLoginFailure({ statusCode: 0, code: 'network_error', message: 'x' })).toEqual({ kind: 'network' });
    expect(classifyLoginFailure({ statusCode: 502, code: 'network_error', message: 'x' })).toEqual({ kind: 'network' });
    expect(classifyLoginFailure({ statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ' })).toEqual({
      kind: 'other',
      message: 'Dữ liệu không hợp lệ',
    });
  });
});
