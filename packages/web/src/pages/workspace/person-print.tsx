import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { toCv } from '../../api/cv';
import { endpoints } from '../../api/endpoints';
import { toConsent, toPage } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { CvSheet } from '../../components/cv-sheet';
import { DataState, Page } from '../../components/ui';
import { formatDate } from '../../i18n/format';
import { loadLanguage } from '../../i18n/i18n';
import { isLanguage, languageNames, supportedLanguages, type Language } from '../../i18n/languages';

/**
 * A person's profile to print (C7, C9): one or two languages side by side, chosen here and kept
 * in the address (`?lang=fr&second=ar&contact=1`) so that a printed link opens the same sheet.
 * Only the fields of `toCv` are shown, from the record the API returned to this reader. The phone
 * and email are offered only while the person's consent to share their profile with employers is
 * recorded and active (a printed profile is for employers); without it they are never printed.
 */
export function PersonPrintPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const first: Language = isLanguage(params.get('lang'))
    ? (params.get('lang') as Language)
    : isLanguage(i18n.language)
      ? i18n.language
      : 'en';
  const secondParam = params.get('second');
  const second: Language | null = isLanguage(secondParam) && secondParam !== first ? secondParam : null;
  const languages = second ? [first, second] : [first];
  const ready = useLanguagesLoaded(languages);
  const person = useApi<unknown>(endpoints.person(id));
  const sharing = useSharingConsent(id);
  const showContact = params.get('contact') === '1' && sharing.given;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    navigate(`/workspace/people/${encodeURIComponent(id)}/print?${next.toString()}`, { replace: true });
  };

  return (
    <div className="cv-page">
      <Page
        title={t('cv.title', 'Printable profile')}
        actions={
          <>
            <Link href={`/workspace/people/${encodeURIComponent(id)}`} className="btn btn-quiet">
              {t('cv.back', 'Back to the person')}
            </Link>
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {t('cv.printNow', 'Print')}
            </button>
          </>
        }
      >
        <form className="cv-controls no-print" onSubmit={(e) => e.preventDefault()}>
          <LanguageChoice
            id="cv-first"
            label={t('cv.firstLanguage', 'Language')}
            value={first}
            onChange={(v) => set('lang', v)}
          />
          <LanguageChoice
            id="cv-second"
            label={t('cv.secondLanguage', 'Second language')}
            value={second}
            exclude={first}
            none={t('cv.oneLanguage', 'None (one language only)')}
            onChange={(v) => set('second', v)}
          />
          <div className="cv-check">
            <label>
              <input
                type="checkbox"
                checked={showContact}
                disabled={!sharing.given}
                aria-describedby="cv-contact-consent"
                onChange={(e) => set('contact', e.target.checked ? '1' : null)}
              />{' '}
              {t('cv.showContact', 'Show phone and email')}
            </label>
            <p id="cv-contact-consent" className="muted small">
              {sharing.loading
                ? t('common.loading', 'Loading…')
                : sharing.given
                  ? sharing.since
                    ? t(
                        'cv.contactConsentSince',
                        'The person agreed to share their profile with employers on {{date}}.',
                        {
                          date: formatDate(sharing.since, i18n.language),
                        },
                      )
                    : t('cv.contactConsent', 'The person agreed to share their profile with employers.')
                  : t(
                      'cv.contactNoConsent',
                      'Left out: the person has not agreed to share their profile with employers (see their consents).',
                    )}
            </p>
          </div>
        </form>
        <DataState state={person} what={t('person.title', 'Person')}>
          {(raw) =>
            ready ? (
              <CvSheet cv={toCv(raw)} languages={languages} showContact={showContact} />
            ) : (
              <p className="muted" role="status">
                {t('common.loading', 'Loading…')}
              </p>
            )
          }
        </DataState>
      </Page>
    </div>
  );
}

function LanguageChoice({
  id,
  label,
  value,
  exclude,
  none,
  onChange,
}: {
  id: string;
  label: string;
  value: Language | null;
  exclude?: Language;
  none?: string;
  onChange: (value: Language | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(isLanguage(e.target.value) ? e.target.value : null)}
      >
        {none ? <option value="">{none}</option> : null}
        {supportedLanguages
          .filter((l) => l !== exclude)
          .map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
      </select>
    </div>
  );
}

/** True once every language's strings are loaded (the interface language's already are). */
function useLanguagesLoaded(languages: Language[]): boolean {
  const key = languages.join(',');
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(languages.map((l) => loadLanguage(l))).then(() => live && setLoaded(key));
    return () => {
      live = false;
    };
    // `key` stands for `languages`.
  }, [key]);
  return loaded === key;
}

/** Whether the person's consent to share their profile with employers is active now (and since when). */
function useSharingConsent(personId: string): { given: boolean; since: string | null; loading: boolean } {
  const consents = useApi<unknown>(endpoints.personConsents(personId));
  if (consents.data === undefined) return { given: false, since: null, loading: consents.loading };
  const active = toPage(consents.data, toConsent).items.find(
    (e) =>
      e.status === 'active' &&
      e.purpose === 'share_profile_with_employer' &&
      e.recipientCategory === 'employers',
  );
  return { given: active !== undefined, since: active?.since ?? null, loading: false };
}
