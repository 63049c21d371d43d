import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../settings/components/language-switch';

/** The agency that runs the console: configurable per deployment (VITE_OWNER_AGENCY), translated otherwise. */
export function useOwnerAgency(): string {
  const { t } = useTranslation();
  return import.meta.env.VITE_OWNER_AGENCY?.trim() || t('app.ownerAgency');
}

/** The full-page frame of the login and forced password change screens. */
export function AuthLayout({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const agency = useOwnerAgency();
  return (
    <main className="auth-page" data-testid={testId}>
      <Card className="auth-card" variant="borderless">
        <div className="auth-card__top">
          <div className="auth-brand">
            <img src="/favicon.svg" alt="" className="auth-brand__logo" />
            <div>
              <div className="auth-brand__name">{t('app.name')}</div>
              <div className="auth-brand__tagline">{t('app.tagline')}</div>
            </div>
          </div>
          <LanguageSwitch />
        </div>
        <div className="auth-agency" data-testid="owner-agency">
          {agency}
        </div>
        <h1 className="auth-title">{title}</h1>
        {children}
      </Card>
      <footer className="auth-footer">{t('login.footer')}</footer>
    </main>
  );
}
