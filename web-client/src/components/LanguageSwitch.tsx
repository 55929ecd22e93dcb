import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language } from '../i18n';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const NAMES: Record<Language, { label: string; lang: string }> = {
  ko: { label: '한국어', lang: 'ko' },
  en: { label: 'English', lang: 'en' },
};

/** The visible language switch: the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language.split('-')[0];
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {(Object.keys(NAMES) as Language[]).map((language) => (
        <button
          key={language}
          type="button"
          lang={NAMES[language].lang}
          aria-pressed={current === language}
          onClick={() => chooseLanguage(language)}
        >
          {NAMES[language].label}
        </button>
      ))}
    </div>
  );
}
