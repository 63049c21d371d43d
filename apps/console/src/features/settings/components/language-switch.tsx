import { useTranslation } from 'react-i18next';
import { currentLanguage, SUPPORTED_LANGUAGES } from '../../../i18n/i18n';

/** Two small toggle buttons (not antd's Segmented: the header is in the first load). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.language);
  return (
    <div role="group" className="language-switch" aria-label={t('header.language')} data-testid="language-switch">
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={`language-switch__option${language === active ? ' language-switch__option--active' : ''}`}
          aria-pressed={language === active}
          title={t(`language.${language}`)}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
