import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cefrActivities, cvConceptUris, type Cv, type CvConcept } from '../api/cv';
import { useFoundConceptLabels } from '../api/concept-labels';
import { formatList, formatPartialDate } from '../i18n/format';
import { directionOf, isolate } from '../i18n/rtl';
import { useCefrActivity, useIscedLevel } from './cv-labels';
import { useCountryName, useLanguageName, useProfileWords, useSectionLabel } from './labels';

/**
 * One column of the printable profile, in the language of the i18next instance around it
 * (`CvSheet` gives each column its own): headings, level names, country and language names,
 * taxonomy labels and dates all in that language.
 */
export function CvColumn({ cv, showContact }: { cv: Cv; showContact: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const section = useSectionLabel();
  const concepts = useFoundConceptLabels(cvConceptUris(cv), lang);
  // The concept's label in this column's language once looked up, else the label stored with it.
  const conceptLabel = (c: CvConcept) => (c.uri ? concepts(c.uri) : null) ?? c.label ?? '';
  const contact = [
    cv.contact.phone ? `${t('cv.phone', 'Phone')}: ${isolate(cv.contact.phone)}` : null,
    cv.contact.email ? `${t('cv.email', 'Email')}: ${isolate(cv.contact.email)}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <article className="cv-column" lang={lang} dir={directionOf(lang)} data-lang={lang}>
      <header className="cv-head">
        <h2 className="cv-name">{cv.name}</h2>
        <p className="cv-kind">{t('cv.kind', 'Profile')}</p>
        {showContact && contact.length ? (
          <p className="cv-contact" aria-label={t('fields.contact', 'Contact details')}>
            {contact.join(' · ')}
          </p>
        ) : null}
      </header>
      <CvSection
        title={section('languages')}
        declared={cv.declaredNone.includes('languages')}
        empty={cv.languages.length === 0}
      >
        <CvLanguages cv={cv} />
      </CvSection>
      <CvSection
        title={section('workExperience')}
        declared={cv.declaredNone.includes('workExperience')}
        empty={cv.work.length === 0}
      >
        <CvWork cv={cv} label={conceptLabel} />
      </CvSection>
      <CvSection
        title={section('education')}
        declared={cv.declaredNone.includes('education')}
        empty={cv.education.length === 0}
      >
        <CvEducation cv={cv} />
      </CvSection>
      <CvSection
        title={section('skills')}
        declared={cv.declaredNone.includes('skills')}
        empty={cv.skills.length === 0}
      >
        <ul className="cv-tags">
          {cv.skills.map((s, i) => (
            <li key={i}>{conceptLabel(s)}</li>
          ))}
        </ul>
      </CvSection>
      <CvSection
        title={section('drivingLicences')}
        declared={cv.declaredNone.includes('drivingLicences')}
        empty={cv.drivingLicences.length === 0}
      >
        <CvLicences cv={cv} />
      </CvSection>
      <CvSection
        title={section('aspirations')}
        declared={cv.declaredNone.includes('aspirations')}
        empty={cv.aspirations.occupations.length + cv.aspirations.workTypes.length === 0}
      >
        <CvAspirations cv={cv} label={conceptLabel} />
      </CvSection>
    </article>
  );
}

function CvSection({
  title,
  empty,
  declared = false,
  children,
}: {
  title: string;
  empty: boolean;
  /** The person said they have none (not merely: nothing recorded). */
  declared?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const words = useProfileWords();
  return (
    <section className="cv-section">
      <h3>{title}</h3>
      {empty ? (
        <p className="cv-none">{declared ? words.term('declared_none') : t('cv.none', 'None recorded')}</p>
      ) : (
        children
      )}
    </section>
  );
}

/** "2018 – 2021", "Mar 2019 – present", or one end alone. */
function useDateRange(): (start: string | null, end: string | null, current?: boolean) => string {
  const { t, i18n } = useTranslation();
  return (start, end, current = false) => {
    const from = formatPartialDate(start, i18n.language);
    const to = current ? t('cv.present', 'present') : formatPartialDate(end, i18n.language);
    return from && to ? `${isolate(from)} – ${isolate(to)}` : isolate(from || to);
  };
}

function CvLanguages({ cv }: { cv: Cv }) {
  const { t, i18n } = useTranslation();
  const languageName = useLanguageName();
  const activity = useCefrActivity();
  return (
    <ul className="cv-entries">
      {cv.languages.map((l, i) => {
        const levels = cefrActivities
          .filter((a) => l.levels[a])
          .map((a) => `${activity(a)} ${isolate(l.levels[a])}`);
        return (
          <li key={i} className="cv-entry">
            <strong>{l.code ? languageName(l.code) : l.label}</strong>
            {l.motherTongue ? <span> · {t('interview.native', 'Mother tongue')}</span> : null}
            {levels.length ? <div className="cv-detail">{formatList(levels, i18n.language)}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CvWork({ cv, label }: { cv: Cv; label: (c: CvConcept) => string }) {
  const countryName = useCountryName();
  const range = useDateRange();
  return (
    <ul className="cv-entries">
      {cv.work.map((w, i) => {
        // The occupation from the taxonomy in this column's language; the person's own title only without one.
        const occupation = label(w.occupation) || w.title || '';
        return (
          <li key={i} className="cv-entry">
            <strong>{occupation}</strong>
            <div className="cv-detail">
              {[w.employer, w.country ? countryName(w.country) : null]
                .filter(Boolean)
                .map(isolate)
                .join(' · ')}
            </div>
            <div className="cv-dates">{range(w.startDate, w.endDate, w.current)}</div>
          </li>
        );
      })}
    </ul>
  );
}

function CvEducation({ cv }: { cv: Cv }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const isced = useIscedLevel();
  const range = useDateRange();
  return (
    <ul className="cv-entries">
      {cv.education.map((e, i) => (
        <li key={i} className="cv-entry">
          <strong>{e.iscedLevel !== null ? isced(e.iscedLevel) : (e.levelLabel ?? '')}</strong>
          {e.iscedLevel !== null && e.levelLabel ? <span> ({e.levelLabel})</span> : null}
          {e.field ? <div className="cv-detail">{e.field}</div> : null}
          <div className="cv-detail">
            {[e.institution, e.country ? countryName(e.country) : null]
              .filter(Boolean)
              .map(isolate)
              .join(' · ')}
          </div>
          <div className="cv-dates">
            {[
              range(e.startDate, e.endDate),
              e.completed === true
                ? t('cv.completed', 'completed')
                : e.completed === false
                  ? t('cv.notCompleted', 'not completed')
                  : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

function CvLicences({ cv }: { cv: Cv }) {
  const countryName = useCountryName();
  return (
    <ul className="cv-entries">
      {cv.drivingLicences.map((d, i) => (
        <li key={i} className="cv-entry">
          <strong>{isolate(d.category)}</strong>
          {d.country ? <span> · {countryName(d.country)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function CvAspirations({ cv, label }: { cv: Cv; label: (c: CvConcept) => string }) {
  const words = useProfileWords();
  return (
    <ul className="cv-tags">
      {cv.aspirations.occupations.map((o, i) => (
        <li key={`o${i}`}>{label(o)}</li>
      ))}
      {cv.aspirations.workTypes.map((w) => (
        <li key={w}>{words.term(w)}</li>
      ))}
    </ul>
  );
}
