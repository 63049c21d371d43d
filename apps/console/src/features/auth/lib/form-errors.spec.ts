import { fieldErrorsFor } from './form-errors';

const translate = (key: string) => `«${key}»`;

describe('fieldErrorsFor', () => {
  it('puts each problem on its form field, translated when known', () => {
    const result = fieldErrorsFor(
      {
        fields: [
          { field: 'newPassword', problems: ['must be at least 12 characters', 'must not contain the username'] },
          { field: 'currentPassword', problems: ['is not your current password'] },
        ],
      },
      ['currentPassword', 'newPassword', 'confirmPassword'] as const,
      translate,
    );
    expect(result.onForm).toEqual([
      { name: 'newPassword', errors: ['«passwordPolicy.tooShort»', '«passwordPolicy.containsUsername»'] },
      { name: 'currentPassword', errors: ['«passwordPolicy.wrongCurrent»'] },
    ]);
    expect(result.elsewhere).toEqual([]);
  });

  it('keeps unknown problems word for word and returns fields the form does not have', () => {
    const result = fieldErrorsFor(
      { fields: [{ field: 'body', problems: ['must be a JSON object'] }, { field: 'name', problems: ['too odd'] }] },
      ['name'] as const,
      translate,
    );
    expect(result.onForm).toEqual([{ name: 'name', errors: ['too odd'] }]);
    expect(result.elsewhere).toEqual([{ field: 'body', problems: ['must be a JSON object'] }]);
  });

  it('maps api field names onto differently named form fields', () => {
    const result = fieldErrorsFor({ fields: [{ field: 'newPassword', problems: ['x'] }] }, ['password'] as const, translate, {
      newPassword: 'password',
    });
    expect(result.onForm).toEqual([{ name: 'password', errors: ['x'] }]);
  });

  it('does nothing without fields', () => {
    expect(fieldErrorsFor({}, ['a'] as const, translate)).toEqual({ onForm: [], elsewhere: [] });
  });
});
