import { RiseOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Level 0 renders nothing: an empty cell reads faster than "not escalated" on every row. */
export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  return (
    <Tag color="magenta" icon={<RiseOutlined />} className="incident-tag" data-testid="escalation-badge">
      {t('escalation.level', { level })}
    </Tag>
  );
}
