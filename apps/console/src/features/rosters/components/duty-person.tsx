import { PhoneOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyPersonDto } from '@netduty/contracts';

/** A person on a shift: name, the lead marked, and a call-back link (tel:) when a phone is known. */
export function DutyPerson({ person, lead, compact = false }: { person: DutyPersonDto; lead: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`duty-person${lead ? ' duty-person--lead' : ''}`} data-testid={lead ? 'duty-lead' : 'duty-member'}>
      <span className="duty-person__name">{person.displayName}</span>
      {lead && (
        <Tag color="blue" className="duty-person__lead">
          {t('rosters.lead')}
        </Tag>
      )}
      {!compact &&
        (person.phone ? (
          <a className="duty-person__phone" href={`tel:${person.phone.replace(/\s+/g, '')}`} aria-label={t('rosters.call', { phone: person.phone })}>
            <PhoneOutlined /> {person.phone}
          </a>
        ) : (
          <span className="duty-person__phone duty-person__phone--none">{t('rosters.noPhone')}</span>
        ))}
    </span>
  );
}
