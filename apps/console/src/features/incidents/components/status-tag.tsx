import type { IncidentStatus } from '@netduty/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from '../lib/presentation';

export function StatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className="incident-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
