import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="full-page-spinner" data-testid="full-page-spinner">
      <Spin size="large" description={t('app.loading')}>
        <div className="full-page-spinner__box" />
      </Spin>
    </div>
  );
}
