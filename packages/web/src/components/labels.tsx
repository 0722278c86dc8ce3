import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProfileWords } from '../api/resources';
import { useTranslation } from 'react-i18next';
import { baseLanguage } from '../i18n/languages';
// Types only: the names themselves are loaded on demand (see useFallbackNames).
import type { SoraniNames } from '../i18n/sorani-names';

type NameTables = SoraniNames;
let soraniTables: NameTables | null = null;
let soraniLoad: Promise<void> | null = null;

/**
 * Sorani country and language names when the browser's Intl has none (Chromium: English names in
 * a Sorani page), loaded on first use; null for other languages, and until loaded.
 */
function useFallbackNames(lang: string): NameTables | null {
  const needed = baseLanguage(lang) === 'ckb' && Intl.DisplayNames.supportedLocalesOf([lang]).length === 0;
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (!needed || soraniTables) return;
    let live = true;
    soraniLoad ??= import('../i18n/sorani-names').then((m) => {
      soraniTables = m.soraniNames;
    });
    void soraniLoad.then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [needed]);
  return needed ? soraniTables : null;
}

/** The referral status in the reader's language. */
export function useStatusLabel(): (status: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (status: string) =>
      ({
        proposed: t('status.proposed', 'Proposed'),
        sent: t('status.sent', 'Sent'),
        accepted: t('status.accepted', 'Accepted'),
        rejected: t('status.rejected', 'Rejected'),
        started: t('status.started', 'Started'),
        completed: t('status.completed', 'Completed'),
        dropped: t('status.dropped', 'Dropped'),
      })[status] ?? status,
    [t],
  );
}

/** A vacancy's status (draft, open, filled, closed) in the reader's language. */
export function useVacancyStatus(): (status: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (status: string) =>
      ({
        draft: t('vacancyStatus.draft', 'draft'),
        open: t('vacancyStatus.open', 'open'),
        filled: t('vacancyStatus.filled', 'filled'),
        closed: t('vacancyStatus.closed', 'closed'),
      })[status] ?? status,
    [t],
  );
}

/** A profile section's name in the reader's language. */
export function useSectionLabel(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) =>
      ({
        education: t('sections.education', 'Education'),
        workExperience: t('sections.experience', 'Work experience'),
        skills: t('sections.skills', 'Skills'),
        digitalSkills: t('sections.digitalSkills', 'Digital skills'),
        languages: t('sections.languages', 'Languages'),
        drivingLicences: t('sections.drivingLicences', 'Driving licences'),
        aspirations: t('sections.aspirations', 'Aspirations'),
        limitations: t('sections.limitations', 'Practical limitations'),
        returnInfo: t('sections.returnInfo', 'Return plans'),
      })[key] ?? key,
    [t],
  );
}

/** The name of a field of a person record (as the history lists changed fields), in the reader's language. */
export function useFieldLabel(): (key: string) => string {
  const { t } = useTranslation();
  const section = useSectionLabel();
  return useCallback(
    (key: string) =>
      ({
        givenName: t('interview.givenName', 'Given name'),
        familyName: t('interview.familyName', 'Family name'),
        otherNames: t('fields.otherNames', 'Other names'),
        birthDate: t('fields.birthDate', 'Date of birth'),
        birthDateApproximate: t('fields.birthDateApproximate', 'Date of birth is approximate'),
        sex: t('fields.sex', 'Sex'),
        nationalities: t('fields.nationalities', 'Nationalities'),
        identityDocuments: t('fields.identityDocuments', 'Identity documents'),
        contact: t('fields.contact', 'Contact details'),
        preferredLanguage: t('interview.personLanguage', "Person's language"),
        country: t('fields.country', 'Country where the person is followed'),
        caseManagerIds: t('fields.caseManagers', 'Case managers'),
        caseClosure: t('fields.caseClosure', 'Case closed or reopened'),
        owningOrganisationId: t('fields.organisation', 'Organisation'),
        externalId: t('fields.externalId', 'Reference in another system'),
        declaredNone: t('fields.declaredNone', 'Sections declared empty'),
      })[key] ?? section(key),
    [t, section],
  );
}

/** A matching criterion's name in the reader's language. */
export function useCriterionLabel(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (name: string) =>
      ({
        occupation: t('criteria.occupation', 'Occupation'),
        skills: t('criteria.skills', 'Skills'),
        languages: t('criteria.languages', 'Languages'),
        education: t('criteria.education', 'Education'),
        location: t('criteria.location', 'Place'),
        place: t('criteria.location', 'Place'),
        hours: t('criteria.hours', 'Hours'),
        atHome: t('criteria.atHome', 'Work at or near home'),
        homeWork: t('criteria.atHome', 'Work at or near home'),
        requirements: t('criteria.requirements', 'Hard requirements'),
        vacancyOpen: t('criteria.open', 'Still open'),
        seats: t('criteria.seats', 'Seats left'),
        skillGap: t('criteria.skillGap', 'Skills the training teaches'),
        trainingAspirations: t('criteria.aspirations', 'Aspirations'),
        trainingOpen: t('criteria.open', 'Still open'),
        trainingPlace: t('criteria.location', 'Place'),
        dates: t('criteria.dates', 'Dates'),
        support: t('criteria.support', 'Transport or childcare support'),
        cost: t('criteria.cost', 'Cost and stipend'),
        limitations: t('criteria.limitations', 'Practical limitations'),
        aspirations: t('criteria.aspirations', 'Aspirations'),
      })[name] ?? name,
    [t],
  );
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name from its ISO code, in the reader's language (Intl, no list in the bundle). */
export function useCountryName(): (code: string | null) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const fallback = useFallbackNames(lang);
  return useCallback(
    (code: string | null) => {
      if (!code) return '';
      const named = fallback?.region(code);
      if (named) return named;
      let d = displayNames.get(`r:${lang}`);
      if (!d) {
        d = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
        displayNames.set(`r:${lang}`, d);
      }
      try {
        return d.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    [lang, fallback],
  );
}

/** A language's name from its code, in the reader's language. */
export function useLanguageName(): (code: string | null) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const fallback = useFallbackNames(lang);
  return useCallback(
    (code: string | null) => {
      if (!code) return '';
      const named = fallback?.language(code);
      if (named) return named;
      let d = displayNames.get(`l:${lang}`);
      if (!d) {
        d = new Intl.DisplayNames([lang, 'en'], { type: 'language' });
        displayNames.set(`l:${lang}`, d);
      }
      try {
        return d.of(code) ?? code;
      } catch {
        return code;
      }
    },
    [lang, fallback],
  );
}

/** Codes of labour-market records (contract types, training delivery, vetting status) in the reader's language. */
export function useRecordTerm(): (code: string | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (code: string | null) =>
      code === null
        ? ''
        : ((
            {
              permanent: t('contract.permanent', 'permanent'),
              fixed_term: t('contract.fixedTerm', 'fixed term'),
              temporary: t('contract.temporary', 'temporary'),
              seasonal: t('contract.seasonal', 'seasonal'),
              daily: t('contract.daily', 'daily work'),
              apprenticeship: t('terms.apprenticeship', 'Apprenticeship'),
              internship: t('contract.internship', 'internship'),
              self_employed: t('contract.selfEmployed', 'self-employed'),
              other: t('contract.other', 'other'),
              in_person: t('delivery.inPerson', 'in person'),
              online: t('delivery.online', 'online'),
              blended: t('delivery.blended', 'in person and online'),
              not_vetted: t('vetting.notVetted', 'not vetted'),
              in_progress: t('vetting.inProgress', 'in progress'),
              vetted: t('vetting.vetted', 'vetted'),
              failed: t('vetting.failed', 'failed'),
              suspended: t('vetting.suspended', 'suspended'),
            } as Record<string, string>
          )[code] ?? code.replace(/_/g, ' ')),
    [t],
  );
}

/** Words for the codes inside a profile (countries, languages, fixed terms), in the reader's language. */
export function useProfileWords(): ProfileWords {
  const { t } = useTranslation();
  const country = useCountryName();
  const language = useLanguageName();
  return useMemo(
    () => ({
      country: (c: string) => country(c),
      language: (c: string) => language(c),
      term: (k: string) =>
        ({
          formal: t('terms.formal', 'formal'),
          informal: t('terms.informal', 'informal'),
          unpaid: t('terms.unpaid', 'unpaid'),
          mother_tongue: t('interview.native', 'Mother tongue'),
          declared_none: t('terms.declaredNone', 'None (as the person said)'),
          wage_employment: t('interview.modeWage', 'A job with an employer'),
          self_employment: t('interview.modeSelf', 'My own business'),
          training: t('interview.modeTraining', 'Training first'),
          education: t('terms.education', 'Further education'),
          apprenticeship: t('terms.apprenticeship', 'Apprenticeship'),
          childcare: t('limitations.childcare', 'Childcare or family duties'),
          familyDuties: t('limitations.childcare', 'Childcare or family duties'),
          limitedMobility: t('limitations.mobility', 'Limited mobility'),
          healthRestrictions: t('limitations.health', 'Health'),
          workNearHomeOnly: t('limitations.nearHome', 'Only near or at home'),
          workAtHomeOnly: t('terms.atHomeOnly', 'Only at home'),
          information_and_data_literacy: t('terms.digInformation', 'Information and data literacy'),
          communication_and_collaboration: t('terms.digCommunication', 'Communication and collaboration'),
          digital_content_creation: t('terms.digContent', 'Digital content creation'),
          safety: t('terms.digSafety', 'Safety'),
          problem_solving: t('terms.digProblems', 'Problem solving'),
        })[k] ?? k.replace(/_/g, ' '),
    }),
    [t, country, language],
  );
}
