import { UserOutlined } from '@ant-design/icons';
import { Input, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTOR_NAME_MAX_LENGTH, useActorName } from '../hooks/use-actor-name';

/** "Tên cán bộ trực": who the console acts as until logins exist. */
export function ActorNameSetting() {
  const { t } = useTranslation();
  const [name, setName] = useActorName();
  const missing = !name.trim();
  return (
    <Tooltip title={missing ? t('header.actorNameMissing') : t('header.actorName')}>
      <Input
        className="actor-name-input"
        size="small"
        prefix={<UserOutlined />}
        placeholder={t('header.actorNamePlaceholder')}
        aria-label={t('header.actorName')}
        value={name}
        maxLength={ACTOR_NAME_MAX_LENGTH}
        status={missing ? 'warning' : ''}
        onChange={(event) => setName(event.target.value)}
        data-testid="actor-name"
      />
    </Tooltip>
  );
}
