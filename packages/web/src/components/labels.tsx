import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

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
  return useCallback(
    (code: string | null) => {
      if (!code) return '';
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
    [lang],
  );
}

/** A language's name from its code, in the reader's language. */
export function useLanguageName(): (code: string | null) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (code: string | null) => {
      if (!code) return '';
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
    [lang],
  );
}
