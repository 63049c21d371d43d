import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeFieldProblem } from '../../../lib/field-problem';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { fieldErrorsFor } from '../../auth/lib/form-errors';

/**
 * A save's error handler for an admin form: the api's field problems are worded on the fields the form
 * has (`rename` sends a problem's field to another, e.g. one member of a list to the list's picker);
 * anything else (a problem on a field the form lacks, a conflict, the network) is notified.
 */
export function useFormProblems<F extends string>(form: FormInstance, formFields: readonly F[], rename: Partial<Record<string, F>> = {}): (error: unknown) => void {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  return (error: unknown) => {
    if (isApiError(error) && error.body.fields) {
      const { onForm, elsewhere } = fieldErrorsFor(error.body, formFields, (problem) => describeFieldProblem(t, problem), rename);
      form.setFields(onForm);
      if (elsewhere.length === 0 && onForm.length > 0) return;
    }
    notifyError(error);
  };
}
