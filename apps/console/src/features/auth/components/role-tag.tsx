import type { Role } from '@netduty/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLOR: Readonly<Record<Role, string>> = {
  admin: 'volcano',
  duty_officer: 'blue',
  cluster_staff: 'cyan',
  responder: 'green',
  leadership: 'gold',
};

export function RoleTag({ role, className }: { role: Role; className?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLOR[role]} className={className} data-testid="role-tag" data-role={role}>
      {t(`role.${role}`)}
    </Tag>
  );
}
