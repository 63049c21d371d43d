import { LockOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/http';
import { session } from '../../../lib/session/session';
import { useSession } from '../hooks/use-session';
import { homePath, safeNextPath } from '../lib/access';
import { classifyLoginFailure } from '../lib/login-errors';
import { AuthLayout } from './auth-layout';
import { DemoAccountsHint } from './demo-accounts-hint';
import { FullPageSpinner } from './full-page-spinner';

interface LoginFormValues {
  username: string;
  password: string;
}

function useLoginFailureText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
    const failure = classifyLoginFailure(error.body);
    switch (failure.kind) {
      case 'invalid':
        return t('login.errors.invalid');
      case 'locked':
        return t('login.errors.locked', { minutes: failure.minutes });
      case 'tooMany':
        return t('login.errors.tooMany');
      case 'network':
        return t('errors.network');
      case 'other':
        return failure.message;
    }
  };
}

/** /login: the only page open without a session. Returns to the page first asked for (?next=). */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginFormValues>();
  const [params] = useSearchParams();
  const snapshot = useSession();
  const failureText = useLoginFailureText();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showDemo = import.meta.env.DEV || params.has('demo');

  if (snapshot.status === 'restoring') {
    return <FullPageSpinner />;
  }
  if (snapshot.status === 'authenticated' && snapshot.user) {
    const target = safeNextPath(params.get('next')) ?? homePath(snapshot.user.permissions) ?? '/';
    return <Navigate to={target} replace />;
  }

  const submit = async (values: LoginFormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await session.login({ username: values.username.trim(), password: values.password });
      // The session changes; the redirect above takes over.
    } catch (failure) {
      setError(failureText(failure));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  const notice =
    snapshot.endReason === 'expired'
      ? { type: 'warning' as const, text: t('login.sessionExpired') }
      : snapshot.endReason === 'logged_out'
        ? { type: 'success' as const, text: t('login.loggedOut') }
        : snapshot.endReason === 'unreachable'
          ? { type: 'error' as const, text: t('errors.network') }
          : null;

  return (
    <AuthLayout title={t('login.title')} testId="login-page">
      {notice && !error && <Alert className="auth-alert" type={notice.type} showIcon title={notice.text} data-testid="login-notice" />}
      {error && <Alert className="auth-alert" type="error" showIcon title={error} data-testid="login-error" />}
      <Form<LoginFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        data-testid="login-form"
        disabled={submitting}
      >
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" icon={<LoginOutlined />} loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      {showDemo && <DemoAccountsHint onPick={(username, password) => form.setFieldsValue({ username, password })} />}
    </AuthLayout>
  );
}
