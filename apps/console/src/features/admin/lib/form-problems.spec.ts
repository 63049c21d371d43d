import { problemsOnForm } from './form-problems';

describe('problemsOnForm', () => {
  it('groups problems by the field that shows them and keeps the rest apart', () => {
    const pathOf = (field: string) => (field.startsWith('levels[0]') ? ['levels', 0, 'people'] : field === 'name' ? ['name'] : null);
    const result = problemsOnForm(
      [
        { field: 'levels[0].recipients[1]', code: 'already_used' },
        { field: 'levels[0].recipients[2]', code: 'already_used' },
        { field: 'levels[0].recipients[3].userId', code: 'required' },
        { field: 'name', code: 'required' },
        { field: 'unknown', code: 'invalid' },
      ],
      pathOf,
      (problem) => problem.code,
    );
    expect(result.onForm).toEqual([
      { name: ['levels', 0, 'people'], errors: ['already_used', 'required'] },
      { name: ['name'], errors: ['required'] },
    ]);
    expect(result.elsewhere).toEqual(['unknown: invalid']);
  });
});
