import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<SupportedLanguage>
      size="small"
      className="language-switch"
      aria-label={t('header.language')}
      value={currentLanguage(i18n.language)}
      options={SUPPORTED_LANGUAGES.map((language) => ({
        value: language,
        label: <span title={t(`language.${language}`)}>{language.toUpperCase()}</span>,
      }))}
      onChange={(language) => void i18n.changeLanguage(language)}
      data-testid="language-switch"
    />
  );
}
