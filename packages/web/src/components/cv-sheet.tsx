import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Cv } from '../api/cv';
import { CvColumn } from './cv-column';

/**
 * The printable profile in one or two languages side by side (one after the other on a phone).
 * The languages' strings must be loaded already (`loadLanguage`).
 */
export function CvSheet({
  cv,
  languages,
  showContact,
}: {
  cv: Cv;
  languages: string[];
  showContact: boolean;
}) {
  return (
    <div className={languages.length > 1 ? 'cv-sheet cv-two' : 'cv-sheet'}>
      {languages.map((lang) => (
        <InLanguage key={lang} lang={lang}>
          <CvColumn cv={cv} showContact={showContact} />
        </InLanguage>
      ))}
    </div>
  );
}

/**
 * Its children speak `lang`, whatever the interface language: a clone of the app's i18next
 * instance (same strings, its own language), so the app's label hooks and `t` need no change.
 */
function InLanguage({ lang, children }: { lang: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  const clone = useMemo(() => i18n.cloneInstance({ lng: lang }), [i18n, lang]);
  return <I18nextProvider i18n={clone}>{children}</I18nextProvider>;
}
