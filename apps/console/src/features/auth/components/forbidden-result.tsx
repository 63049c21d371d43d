import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../hooks/use-session';
import { homePath } from '../lib/access';

export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = homePath(usePermissions());
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.body')}
      extra={
        home && (
          <Button type="primary" onClick={() => void navigate(home)}>
            {t('forbidden.back')}
          </Button>
        )
      }
      data-testid="forbidden-page"
    />
  );
}
