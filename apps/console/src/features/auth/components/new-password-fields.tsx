import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '@netduty/domain';
import { describeFieldProblem } from '../../../lib/field-problem';

interface NewPasswordFieldsProps {
  /** The account's username (the password must not contain it). */
  username: string;
  /** Name of the field holding the current password, when the form has one (must differ from it). */
  currentField?: string;
  /** Name of the new-password field (the api's own name, so its field errors land on it). */
  name: string;
  label: string;
  testIdPrefix: string;
}

/** New password + confirmation, checked against the api's policy as the user types. */
export function NewPasswordFields({ username, currentField, name, label, testIdPrefix }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('passwordPolicy.hint', { min: PASSWORD_MIN_LENGTH })}
        dependencies={currentField ? [currentField] : []}
        rules={[
          { required: true, message: t('passwordPolicy.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (!value) return;
              const current = currentField ? (getFieldValue(currentField) as string | undefined) : undefined;
              // The api's own policy (libs/domain), worded like the api's field problems.
              const problems = passwordProblems(value, username, current);
              if (problems.length > 0) throw new Error(problems.map((problem) => describeFieldProblem(t, problem)).join(' · '));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid={`${testIdPrefix}-new`} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('passwordPolicy.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('passwordPolicy.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue(name)) throw new Error(t('passwordPolicy.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid={`${testIdPrefix}-confirm`} />
      </Form.Item>
    </>
  );
}
