import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../features/auth/hooks/use-session';
import { homePath } from '../features/auth/lib/access';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = homePath(usePermissions()) ?? '/';
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" onClick={() => void navigate(home)}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
