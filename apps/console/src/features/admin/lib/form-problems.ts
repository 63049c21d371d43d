import type { FieldProblem } from '@netduty/contracts';

/**
 * Field problems (from the api or a domain pre-check) grouped by the form field that shows them; `pathOf`
 * says where each goes (null: the form has no such field, so it is described elsewhere).
 */
export function problemsOnForm<P extends readonly (string | number)[]>(
  problems: readonly FieldProblem[],
  pathOf: (field: string) => P | null,
  describe: (problem: FieldProblem) => string,
): { onForm: { name: P; errors: string[] }[]; elsewhere: string[] } {
  const onForm: { name: P; errors: string[] }[] = [];
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const path = pathOf(problem.field);
    const text = describe(problem);
    if (!path) {
      elsewhere.push(`${problem.field}: ${text}`);
      continue;
    }
    const key = path.join('.');
    const entry = onForm.find((candidate) => candidate.name.join('.') === key);
    if (!entry) onForm.push({ name: path, errors: [text] });
    else if (!entry.errors.includes(text)) entry.errors.push(text);
  }
  return { onForm, elsewhere };
}
