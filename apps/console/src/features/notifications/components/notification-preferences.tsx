import type { NotificationChannelName, NotificationPreferenceDto, Severity } from '@netduty/contracts';
import { NOTIFICATION_CHANNELS } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeFieldProblem } from '../../../lib/field-problem';
import { notificationKeys, notificationsApi } from '../api/notifications.api';
import { useNotificationText } from '../hooks/use-notifications';

/** My channels per severity (GET/PUT /me/notification-preferences); critical shows every channel, fixed. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const { text } = useNotificationText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: notificationKeys.preferences(), queryFn: ({ signal }) => notificationsApi.preferences(signal) });
  const [draft, setDraft] = useState<NotificationPreferenceDto[]>([]);
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () => notificationsApi.savePreferences(draft.filter((preference) => preference.severity !== 'critical')),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.preferences(), saved);
      void message.success(text.preferencesSaved);
    },
  });
  const problems = save.error && isApiError(save.error) ? (save.error.body.fields ?? []).map((problem) => `${problem.field}: ${describeFieldProblem(t, problem)}`) : [];
  const setChannels = (severity: Severity, channels: NotificationChannelName[]) =>
    setDraft((current) => current.map((preference) => (preference.severity === severity ? { severity, channels } : preference)));
  return (
    <section className="notification-preferences" data-testid="notification-preferences">
      <Typography.Title level={5}>{text.preferences}</Typography.Title>
      <Typography.Paragraph type="secondary">{text.preferencesHint}</Typography.Paragraph>
      {save.isError && <Alert type="error" showIcon message={problems.join('; ') || save.error.message} />}
      {draft.map((preference) => (
        <div key={preference.severity} className="notification-preferences__row" data-testid={`preferences-${preference.severity}`}>
          <Typography.Text strong>{text.severity[preference.severity]}</Typography.Text>
          <Checkbox.Group
            disabled={preference.severity === 'critical'}
            value={preference.severity === 'critical' ? [...NOTIFICATION_CHANNELS] : preference.channels}
            onChange={(channels) => setChannels(preference.severity, channels)}
            options={NOTIFICATION_CHANNELS.map((channel) => ({ value: channel, label: text.channel[channel] }))}
          />
        </div>
      ))}
      <Button size="small" type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={draft.length === 0} data-testid="preferences-save">
        {text.savePreferences}
      </Button>
    </section>
  );
}
