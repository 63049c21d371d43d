import type { Permission } from '@netduty/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { usePermissions } from '../hooks/use-session';
import { hasAnyPermission, homePath } from '../lib/access';

export function ForbiddenPage() {
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

interface RequirePermissionProps {
  /** Any one of these opens the page. */
  anyOf: readonly Permission[];
  /** Send users without access to their own home page instead of showing "forbidden" (the board at "/"). */
  redirectHome?: boolean;
  children: ReactNode;
}

/** Hides a page the user's role cannot use; the api refuses its requests anyway. */
export function RequirePermission({ anyOf, redirectHome = false, children }: RequirePermissionProps) {
  const permissions = usePermissions();
  if (hasAnyPermission(permissions, anyOf)) return children;
  const home = homePath(permissions);
  if (redirectHome && home && !home.startsWith('/?') && home !== '/') return <Navigate to={home} replace />;
  return <ForbiddenPage />;
}
