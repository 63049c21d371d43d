import type { FieldProblem } from '@netduty/contracts';
import { fieldErrorsFor } from './form-errors';

const describe_ = (problem: FieldProblem) => `«${problem.code}${problem.params ? ` ${JSON.stringify(problem.params)}` : ''}»`;

describe('fieldErrorsFor', () => {
  it('puts each problem on its form field, worded from its code and parameters', () => {
    const result = fieldErrorsFor(
      {
        fields: [
          { field: 'newPassword', code: 'too_short', params: { min: 12 } },
          { field: 'newPassword', code: 'contains_username' },
          { field: 'currentPassword', code: 'not_current_password' },
        ],
      },
      ['currentPassword', 'newPassword', 'confirmPassword'] as const,
      describe_,
    );
    expect(result.onForm).toEqual([
      { name: 'newPassword', errors: ['«too_short {"min":12}»', '«contains_username»'] },
      { name: 'currentPassword', errors: ['«not_current_password»'] },
    ]);
    expect(result.elsewhere).toEqual([]);
  });

  it('returns the problems of fields the form does not have', () => {
    const result = fieldErrorsFor(
      { fields: [{ field: 'body', code: 'not_an_object' }, { field: 'name', code: 'too_long', params: { max: 80 } }] },
      ['name'] as const,
      describe_,
    );
    expect(result.onForm).toEqual([{ name: 'name', errors: ['«too_long {"max":80}»'] }]);
    expect(result.elsewhere).toEqual([{ field: 'body', problems: ['«not_an_object»'] }]);
  });

  it('maps api field names onto differently named form fields', () => {
    const result = fieldErrorsFor({ fields: [{ field: 'newPassword', code: 'too_short', params: { min: 12 } }] }, ['password'] as const, describe_, {
      newPassword: 'password',
    });
    expect(result.onForm).toEqual([{ name: 'password', errors: ['«too_short {"min":12}»'] }]);
  });

  it('does nothing without fields', () => {
    expect(fieldErrorsFor({}, ['a'] as const, describe_)).toEqual({ onForm: [], elsewhere: [] });
  });
});
