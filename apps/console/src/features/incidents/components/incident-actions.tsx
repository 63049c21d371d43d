import { CheckCircleOutlined, LockOutlined, RedoOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { IncidentAction, IncidentDto } from '@netduty/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../lib/use-notify-error';
import { usePermissions } from '../../auth/hooks/use-session';
import { visibleIncidentActions } from '../../auth/lib/access';
import type { IncidentActionRequest } from '../api/incidents.api';
import { useIncidentAction } from '../hooks/use-incident-mutations';
import { AssignModal } from './assign-modal';
import { NoteModal } from './note-modal';

const ACTION_ICON: Readonly<Record<IncidentAction, ReactNode>> = {
  acknowledge: <UserSwitchOutlined />,
  assign: <TeamOutlined />,
  resolve: <CheckCircleOutlined />,
  close: <LockOutlined />,
  reopen: <RedoOutlined />,
};

type Dialog = 'assign' | 'resolve' | 'reopen' | null;

/**
 * The buttons the state machine allows right now (from `allowedActions`) that the user's role may use,
 * and their dialogs. The api records the actor from the session, so the bodies carry only the action's
 * own data; it enforces both checks again.
 */
export function IncidentActions({ incident }: { incident: IncidentDto }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mutation = useIncidentAction(incident.id);

  const run = (request: IncidentActionRequest) =>
    mutation.mutate(request, {
      onSuccess: (updated) => {
        setDialog(null);
        notification.success({ title: t(`actions.done.${request.action}`, { reference: updated.reference }) });
      },
      onError: notifyError,
    });

  const visible = visibleIncidentActions(incident.allowedActions, usePermissions());
  const pendingAction = mutation.isPending ? mutation.variables.action : undefined;

  const button = (action: IncidentAction, onClick?: () => void) => (
    <Button
      key={action}
      type={action === 'acknowledge' || action === 'resolve' ? 'primary' : 'default'}
      danger={action === 'reopen'}
      icon={ACTION_ICON[action]}
      loading={pendingAction === action}
      disabled={mutation.isPending && pendingAction !== action}
      onClick={onClick}
      data-testid={`action-${action}`}
    >
      {t(`actions.${action}`)}
    </Button>
  );

  const renderAction = (action: IncidentAction): ReactNode => {
    switch (action) {
      case 'acknowledge':
        return button(action, () => run({ action, body: {} }));
      case 'assign':
      case 'resolve':
      case 'reopen':
        return button(action, () => setDialog(action));
      case 'close':
        return (
          <Popconfirm
            key={action}
            title={t('actions.confirmClose', { reference: incident.reference })}
            okText={t('actions.confirm')}
            cancelText={t('actions.cancel')}
            onConfirm={() => run({ action, body: {} })}
          >
            {button(action)}
          </Popconfirm>
        );
    }
  };

  return (
    <>
      <Space wrap>{visible.map(renderAction)}</Space>
      <AssignModal
        incident={incident}
        open={dialog === 'assign'}
        submitting={pendingAction === 'assign'}
        onSubmit={(responderIds) => run({ action: 'assign', body: { responderIds } })}
        onCancel={() => setDialog(null)}
      />
      <NoteModal
        open={dialog === 'resolve'}
        title={t('resolve.title', { reference: incident.reference })}
        label={t('resolve.note')}
        okText={t('resolve.submit')}
        required={false}
        submitting={pendingAction === 'resolve'}
        onSubmit={(note) => run({ action: 'resolve', body: { note } })}
        onCancel={() => setDialog(null)}
        testId="resolve-modal"
      />
      <NoteModal
        open={dialog === 'reopen'}
        title={t('reopen.title', { reference: incident.reference })}
        label={t('reopen.reason')}
        okText={t('reopen.submit')}
        required
        requiredMessage={t('reopen.reasonRequired')}
        submitting={pendingAction === 'reopen'}
        onSubmit={(note) => run({ action: 'reopen', body: { note } })}
        onCancel={() => setDialog(null)}
        testId="reopen-modal"
      />
    </>
  );
}
