import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage, languageNames, supportedLanguages } from '../i18n/languages';

/** Lets anyone change the interface language; each option is written in its own language and direction. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('shell.language', 'Language')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const next = e.target.value;
          if (isLanguage(next)) {
            setApiLanguage(next);
            void switchLanguage(next);
          }
        }}
      >
        {supportedLanguages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
