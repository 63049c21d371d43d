import type { Role } from '@netduty/contracts';
import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTag } from './role-tag';

/** The seeded demo accounts (see the README); all share one password, changed at first login in production. */
const DEMO_ACCOUNTS: readonly { username: string; role: Role; operator?: string }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'trucban', role: 'duty_officer' },
  { username: 'lanhdao', role: 'leadership' },
  { username: 'viettel.lsn', role: 'cluster_staff', operator: 'Viettel' },
  { username: 'vnpt.lsn', role: 'cluster_staff', operator: 'VNPT' },
  { username: 'mobifone.lsn', role: 'cluster_staff', operator: 'MobiFone' },
  { username: 'vnpost.lsn', role: 'cluster_staff', operator: 'VNPost' },
  { username: 'ungcuu.viettel', role: 'responder', operator: 'Viettel' },
];

export const DEMO_PASSWORD = 'NetDuty@2026';

/** Shown only in development or with ?demo in the address: a click fills the login form. */
export function DemoAccountsHint({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <Collapse
      ghost
      size="small"
      className="demo-accounts"
      items={[
        {
          key: 'demo',
          label: t('login.demo.title'),
          children: (
            <div data-testid="demo-accounts">
              <p className="demo-accounts__hint">{t('login.demo.hint', { password: DEMO_PASSWORD })}</p>
              <ul className="demo-accounts__list">
                {DEMO_ACCOUNTS.map((account) => (
                  <li key={account.username}>
                    <button type="button" className="demo-account" onClick={() => onPick(account.username, DEMO_PASSWORD)}>
                      <code>{account.username}</code>
                    </button>
                    <RoleTag role={account.role} />
                    {account.operator && <span className="muted">{account.operator}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ),
        },
      ]}
    />
  );
}
