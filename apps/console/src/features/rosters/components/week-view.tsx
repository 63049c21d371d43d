import type { OnDutyGroupDto } from '@netduty/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import type { StaffedShiftDto } from '@netduty/contracts';
import { swapsOf } from '../lib/roster-adjustments';
import { shiftsByDay, shiftTimeRange, type WeekDay } from '../lib/week';
import { DutyPerson } from './duty-person';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;


/**
 * Seven days × the group's shifts, in the province's time. A grid on a wide screen; the same markup
 * reads as a list of days on a phone (styles: rosters.css). `actions` adds a shift's own tools (the
 * on-duty group's adjustments) beside its hours.
 */
export function WeekView({
  group,
  days,
  shifts,
  nowMs,
  actions,
}: {
  group: OnDutyGroupDto;
  days: WeekDay[];
  shifts: StaffedShiftDto[];
  nowMs: number;
  actions?: (shift: StaffedShiftDto) => ReactNode;
}) {
  const { t } = useTranslation();
  const byDay = shiftsByDay(shifts);
  return (
    <div className="roster-week" data-testid="roster-week">
      {days.map((day, index) => {
        const dayShifts = byDay.get(day.key) ?? [];
        const weekday = WEEKDAY_KEYS[index] ?? 'mon';
        return (
          <section key={day.key} className="roster-week__day" aria-label={`${t(`rosters.weekday.${weekday}`)} ${formatDateTime(day.startsAt, 'DD/MM')}`} data-testid={`roster-day-${day.key}`}>
            <h4 className="roster-week__day-title">
              {t(`rosters.weekday.${weekday}`)} <span className="roster-week__date">{formatDateTime(day.startsAt, 'DD/MM')}</span>
            </h4>
            {dayShifts.length === 0 && <p className="roster-week__none">{t('rosters.noShifts')}</p>}
            {dayShifts.map((shift) => {
              const current = Date.parse(shift.startsAt) <= nowMs && nowMs < Date.parse(shift.endsAt);
              return (
                <div
                  key={`${shift.sourceId}-${shift.startsAt}`}
                  className={`roster-shift roster-shift--${shift.source}${current ? ' roster-shift--current' : ''}${actions ? ' roster-shift--adjustable' : ''}`}
                  data-testid="roster-shift"
                >
                  <div className="roster-shift__time">
                    {shiftTimeRange(shift.startsAt, shift.endsAt)}
                    {shift.source !== 'rotation' && <Tag color="orange">{t(`rosters.source.${shift.source}`)}</Tag>}
                    {swapsOf(group, shift).length > 0 && <Tag color="purple">{t('rosters.swapped')}</Tag>}
                    {actions && <span className="roster-shift__actions">{actions(shift)}</span>}
                  </div>
                  <div className="roster-shift__people">
                    {shift.members.map((person) => (
                      <DutyPerson key={person.id} person={person} lead={person.id === shift.leadId} compact />
                    ))}
                  </div>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
