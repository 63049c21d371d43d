import { CheckOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import type { OnDutyGroupDto, UserDto } from '@netduty/contracts';
import { Alert, App, Button, Collapse, Empty, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { isApiError } from '../../../lib/api-client';
import { useNotifyError } from '../../../lib/use-notify-error';
import { HANDOVER_LIMITS, type ShiftHandoverDto, type StaffedShiftDto } from '@netduty/contracts';
import { useAcknowledgeHandover, useCreateHandover, useHandovers } from '../hooks/use-rosters';
import { canAcknowledge, canHandOver } from '../lib/roster-adjustments';
import { HandoverSheet } from './handover-sheet';

/** Department and leadership sheets list every incident: only the all-seeing roles read them (as the api). */
function readsHandovers(user: UserDto, group: OnDutyGroupDto): boolean {
  return group.kind === 'cluster' || user.role === 'admin' || user.role === 'duty_officer' || user.role === 'leadership';
}

/** Prints one sheet: it is rendered into a print-only container, then the browser's print dialog opens. */
function usePrintSheet(): [ShiftHandoverDto | null, (handover: ShiftHandoverDto) => void] {
  const [printing, setPrinting] = useState<ShiftHandoverDto | null>(null);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);
  return [printing, setPrinting];
}

/** Bàn giao ca of one group: write the sheet (outgoing lead, duty officer), take over (incoming lead), print. */
export function HandoverPanel({ group, user, currentShift }: { group: OnDutyGroupDto; user: UserDto; currentShift: StaffedShiftDto | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const readable = readsHandovers(user, group);
  const handovers = useHandovers(group.id, readable);
  const create = useCreateHandover(group.id);
  const acknowledge = useAcknowledgeHandover(group.id);
  const [notes, setNotes] = useState('');
  const [printing, print] = usePrintSheet();

  if (!readable || (handovers.isError && isApiError(handovers.error) && handovers.error.status === 404)) {
    return <Alert type="info" showIcon title={t('rosters.handover.notReadable')} />;
  }

  const submit = async () => {
    try {
      await create.mutateAsync(notes);
      setNotes('');
      void message.success(t('rosters.handover.created'));
    } catch (error) {
      notifyError(error);
    }
  };

  const takeOver = async (handover: ShiftHandoverDto) => {
    try {
      await acknowledge.mutateAsync(handover.id);
      void message.success(t('rosters.handover.acknowledged'));
    } catch (error) {
      notifyError(error);
    }
  };

  const list = handovers.data ?? [];
  // One sheet per shift: once it is written, the form gives way to the sheet.
  const handedOver = currentShift !== null && list.some((handover) => Date.parse(handover.shiftStartsAt) === Date.parse(currentShift.startsAt));
  const nameIn = (handover: ShiftHandoverDto, id: string | null) => handover.sheet.people.find((person) => person.id === id)?.displayName ?? t('common.none');
  return (
    <div className="handover-panel" data-testid="handover-panel">
      {currentShift && canHandOver(user, currentShift) && !handedOver && (
        <div className="handover-panel__create">
          <label htmlFor="handover-notes" className="handover-panel__label">
            {t('rosters.handover.notes')}
          </label>
          <Input.TextArea
            id="handover-notes"
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            maxLength={HANDOVER_LIMITS.notesMaxLength}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('rosters.handover.notesPlaceholder')}
            data-testid="handover-notes"
          />
          <Button type="primary" icon={<SendOutlined />} loading={create.isPending} onClick={() => void submit()} data-testid="handover-submit">
            {t('rosters.handover.create')}
          </Button>
        </div>
      )}
      {handovers.isError && <Alert type="error" showIcon title={t('rosters.loadFailed')} description={handovers.error.message} />}
      {!handovers.isLoading && list.length === 0 && <Empty description={t('rosters.handover.empty')} />}
      {list.length > 0 && (
        <Collapse
          items={list.map((handover) => ({
            key: handover.id,
            label: (
              <span className="handover-panel__item" data-testid="handover-item">
                {formatDateTime(handover.shiftStartsAt)} – {formatDateTime(handover.shiftEndsAt, 'HH:mm')} · {nameIn(handover, handover.outgoingLeadId)} →{' '}
                {nameIn(handover, handover.incomingLeadId)}{' '}
                {handover.acknowledgedAt ? <Tag color="green">{t('rosters.handover.acknowledged')}</Tag> : <Tag color="orange">{t('rosters.handover.pending')}</Tag>}
              </span>
            ),
            extra: (
              <span className="handover-panel__actions" onClick={(event) => event.stopPropagation()}>
                {canAcknowledge(user, handover) && (
                  <Button size="small" type="primary" icon={<CheckOutlined />} loading={acknowledge.isPending} onClick={() => void takeOver(handover)} data-testid="handover-acknowledge">
                    {t('rosters.handover.acknowledge')}
                  </Button>
                )}
                <Button size="small" icon={<PrinterOutlined />} onClick={() => print(handover)} aria-label={t('rosters.handover.print')} data-testid="handover-print" />
              </span>
            ),
            children: <HandoverSheet handover={handover} />,
          }))}
        />
      )}
      {printing &&
        createPortal(
          <div className="handover-print">
            <HandoverSheet handover={printing} />
          </div>,
          document.body,
        )}
    </div>
  );
}
