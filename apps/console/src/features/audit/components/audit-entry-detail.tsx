import type { AuditEntryDto } from '@netduty/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditJson } from '../lib/audit-filters';

function JsonPane({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  const { t } = useTranslation();
  const text = auditJson(value);
  return (
    <div className="audit-json" data-testid={testId}>
      <div className="audit-json__title">{title}</div>
      {text ? <pre className="audit-json__body">{text}</pre> : <div className="audit-json__empty muted">{t('audit.detail.nothing')}</div>}
    </div>
  );
}

/** The expanded row: the request it came from, and the record before and after, side by side. */
export function AuditEntryDetail({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  return (
    <div className="audit-detail" data-testid="audit-detail">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'request', label: t('audit.detail.request'), children: entry.method ? <code>{`${entry.method} ${entry.path ?? ''}`}</code> : t('common.none') },
          { key: 'entity', label: t('audit.detail.entityId'), children: entry.entityId ? <code>{entry.entityId}</code> : t('common.none') },
          { key: 'userAgent', label: t('audit.detail.userAgent'), span: 2, children: entry.userAgent ?? t('common.none') },
        ]}
      />
      <div className="audit-json-pair">
        <JsonPane title={t('audit.detail.before')} value={entry.before} testId="audit-before" />
        <JsonPane title={t('audit.detail.after')} value={entry.after} testId="audit-after" />
      </div>
    </div>
  );
}
