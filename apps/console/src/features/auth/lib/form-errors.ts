import type { ApiErrorBody, FieldProblem } from '@netduty/contracts';

export interface FormFieldError<F extends string> {
  name: F;
  errors: string[];
}

/**
 * The api's field problems (`fields: [{field, code, params}]`) as antd form errors on the fields the
 * form has, each worded by `describe` (see describeFieldProblem); the rest are returned for a notification.
 */
export function fieldErrorsFor<F extends string>(
  body: Pick<ApiErrorBody, 'fields'>,
  formFields: readonly F[],
  describe: (problem: FieldProblem) => string,
  rename: Partial<Record<string, F>> = {},
): { onForm: FormFieldError<F>[]; elsewhere: { field: string; problems: string[] }[] } {
  const onForm: FormFieldError<F>[] = [];
  const elsewhere: { field: string; problems: string[] }[] = [];
  for (const problem of body.fields ?? []) {
    const { field } = problem;
    const target: F | undefined = rename[field] ?? ((formFields as readonly string[]).includes(field) ? (field as F) : undefined);
    const text = describe(problem);
    const list = target ? onForm.find((entry) => entry.name === target) : elsewhere.find((entry) => entry.field === field);
    if (list) ('errors' in list ? list.errors : list.problems).push(text);
    else if (target) onForm.push({ name: target, errors: [text] });
    else elsewhere.push({ field, problems: [text] });
  }
  return { onForm, elsewhere };
}
