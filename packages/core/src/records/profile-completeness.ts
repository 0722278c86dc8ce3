import type {
  CompletenessState,
  DeclarableSection,
  PersonInput,
  ProfileCompleteness,
  ProfileSection,
} from './people';
import { cefrScales, digCompAreas, profileSections } from './people';

/**
 * How complete each section of a profile is. Partial profiles are normal (an interview is often
 * cut short); the state tells the counsellor what to ask next. Sensitive sections are left out,
 * so the completeness never reveals them.
 *
 * A section is `complete` when the facts matching and reporting need are all there, `partial`
 * when something was recorded, `empty` otherwise. List sections that the person has nothing for
 * ("no driving licence") are complete once declared in `declaredNone`.
 */

type Profile = Pick<
  PersonInput,
  | 'givenName'
  | 'familyName'
  | 'otherNames'
  | 'sex'
  | 'birthDate'
  | 'nationalities'
  | 'contact'
  | 'education'
  | 'workExperience'
  | 'skills'
  | 'digitalSkills'
  | 'languages'
  | 'drivingLicences'
  | 'declaredNone'
  | 'aspirations'
  | 'limitations'
  | 'returnInfo'
>;

const filled = (v: unknown): boolean =>
  v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** complete if every check holds, empty if none does, partial otherwise. */
function fromChecks(checks: boolean[]): CompletenessState {
  const n = checks.filter(Boolean).length;
  if (n === 0) return 'empty';
  return n === checks.length ? 'complete' : 'partial';
}

/** A list section: empty, or complete when every entry is complete. */
function listState<T>(entries: T[], declaredNone: boolean, isComplete: (e: T) => boolean): CompletenessState {
  if (entries.length === 0) return declaredNone ? 'complete' : 'empty';
  return entries.every(isComplete) ? 'complete' : 'partial';
}

/** The completeness state of each section of a profile, and overall. */
export function profileCompleteness(p: Profile): ProfileCompleteness {
  const none = (s: DeclarableSection) => p.declaredNone.includes(s);
  const c = p.contact;
  const a = p.aspirations;
  const l = p.limitations;
  const r = p.returnInfo;
  const sections: Record<ProfileSection, CompletenessState> = {
    personal: fromChecks([
      filled(p.givenName) || filled(p.familyName) || p.otherNames.length > 0,
      filled(p.birthDate),
      filled(p.sex),
      p.nationalities.length > 0,
    ]),
    contact: fromChecks([
      filled(c.phone) || filled(c.email) || c.otherPhones.length > 0,
      filled(c.address?.region) || filled(c.address?.city),
    ]),
    education: listState(
      p.education,
      none('education'),
      (e) => (e.iscedLevel != null || filled(e.levelLabel)) && e.completed != null && filled(e.country),
    ),
    workExperience: listState(
      p.workExperience,
      none('workExperience'),
      (w) => filled(w.occupation.uri) && filled(w.startDate) && filled(w.arrangement) && filled(w.country),
    ),
    // A skill typed as free text only is not coded yet: partial.
    skills: listState(p.skills, none('skills'), (s) => filled(s.uri)),
    digitalSkills:
      p.digitalSkills.length === 0
        ? none('digitalSkills')
          ? 'complete'
          : 'empty'
        : digCompAreas.every((area) => p.digitalSkills.some((d) => d.area === area))
          ? 'complete'
          : 'partial',
    languages: listState(
      p.languages,
      none('languages'),
      (lang) => lang.motherTongue || cefrScales.every((scale) => lang[scale] != null),
    ),
    drivingLicences: p.drivingLicences.length > 0 || none('drivingLicences') ? 'complete' : 'empty',
    aspirations: a
      ? fromChecks([
          a.occupations.length > 0 || a.sectors.length > 0,
          a.workTypes.length > 0,
          a.places.length > 0,
        ])
      : 'empty',
    limitations: l
      ? fromChecks([
          l.childcare != null,
          l.familyDuties != null,
          l.limitedMobility != null,
          l.healthRestrictions != null,
          l.workNearHomeOnly != null || l.workAtHomeOnly != null,
        ])
      : 'empty',
    returnInfo: r
      ? fromChecks([
          filled(r.hostCountry),
          filled(r.returnCountry),
          filled(r.returnRegion),
          filled(r.returnDate),
          filled(r.programme),
        ])
      : 'empty',
  };
  const states = profileSections.map((s) => sections[s]);
  const complete = states.filter((s) => s === 'complete').length;
  return {
    overall:
      complete === states.length ? 'complete' : states.every((s) => s === 'empty') ? 'empty' : 'partial',
    percent: Math.round((complete / states.length) * 100),
    sections,
  };
}
