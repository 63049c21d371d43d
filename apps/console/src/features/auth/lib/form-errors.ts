import type { ApiErrorBody } from '@netduty/contracts';
import { problemMessageKey, type ProblemMessageKey } from './password-policy';

export interface FormFieldError<F extends string> {
  name: F;
  errors: string[];
}

/**
 * The api's field problems (`fields: [{field, problems}]`) as antd form errors on the fields the form
 * has, each problem translated when the console knows it; the rest are returned for a notification.
 */
export function fieldErrorsFor<F extends string>(
  body: Pick<ApiErrorBody, 'fields'>,
  formFields: readonly F[],
  translate: (key: ProblemMessageKey) => string,
  rename: Partial<Record<string, F>> = {},
): { onForm: FormFieldError<F>[]; elsewhere: { field: string; problems: string[] }[] } {
  const onForm: FormFieldError<F>[] = [];
  const elsewhere: { field: string; problems: string[] }[] = [];
  for (const { field, problems } of body.fields ?? []) {
    const target: F | undefined = rename[field] ?? ((formFields as readonly string[]).includes(field) ? (field as F) : undefined);
    const texts = problems.map((problem) => {
      const key = problemMessageKey(problem);
      return key ? translate(key) : problem;
    });
    if (target) {
      const existing = onForm.find((entry) => entry.name === target);
      if (existing) existing.errors.push(...texts);
      else onForm.push({ name: target, errors: texts });
    } else {
      elsewhere.push({ field, problems: texts });
    }
  }
  return { onForm, elsewhere };
}
