import type { Severity } from '@netduty/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOR } from '../lib/presentation';

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[severity]} variant="solid" className="incident-tag" data-severity={severity}>
      {t(`severity.${severity}`)}
    </Tag>
  );
}
