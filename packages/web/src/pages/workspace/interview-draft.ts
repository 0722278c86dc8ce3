import type { ConceptOption } from '../../api/resources';

/** What the interview collects before it is saved as a person. */
export interface ProfileDraft {
  key: string;
  givenName: string;
  familyName: string;
  language: string;
  hostCountry: string;
  countryOfReturn: string;
  region: string;
  experienceText: string;
  occupations: ConceptOption[];
  lastEmployer: string;
  years: string;
  informal: boolean;
  skills: ConceptOption[];
  languages: { code: string; level: string }[];
  iscedLevel: string;
  educationField: string;
  educationCompleted: boolean;
  wished: ConceptOption[];
  mode: string;
  limitations: string[];
}

/** A blank interview; the person's language starts as the counsellor's. */
export function emptyDraft(language: string): ProfileDraft {
  return {
    key:
      typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()),
    givenName: '',
    familyName: '',
    language,
    hostCountry: '',
    countryOfReturn: '',
    region: '',
    experienceText: '',
    occupations: [],
    lastEmployer: '',
    years: '',
    informal: false,
    skills: [],
    languages: [{ code: language, level: 'native' }],
    iscedLevel: '',
    educationField: '',
    educationCompleted: false,
    wished: [],
    mode: 'wage',
    limitations: [],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body of `POST /api/people` from an interview draft (partial profiles are normal). */
export function buildPersonInput(d: ProfileDraft): Record<string, unknown> {
  const years = Number(d.years);
  return {
    givenName: d.givenName.trim(),
    familyName: orNull(d.familyName),
    preferredLanguage: d.language,
    hostCountry: orNull(d.hostCountry),
    countryOfReturn: orNull(d.countryOfReturn),
    regionOfReturn: orNull(d.region),
    experience: d.occupations.length
      ? d.occupations.map((o, i) => ({
          occupation: o.id,
          occupationLabel: o.label,
          text: i === 0 ? orNull(d.experienceText) : null,
          employer: orNull(d.lastEmployer),
          years: Number.isFinite(years) && years > 0 ? years : null,
          kind: d.informal ? 'informal' : 'formal',
        }))
      : d.experienceText.trim()
        ? [
            {
              occupation: null,
              text: d.experienceText.trim(),
              employer: orNull(d.lastEmployer),
              kind: d.informal ? 'informal' : 'formal',
            },
          ]
        : [],
    skills: d.skills.map((s) => ({ skill: s.id, label: s.label, evidence: 'self_declared' })),
    languages: d.languages
      .filter((l) => l.code.trim() !== '')
      .map((l) => ({ language: l.code.trim(), level: l.level })),
    education: d.iscedLevel
      ? [
          {
            iscedLevel: Number(d.iscedLevel),
            field: orNull(d.educationField),
            completed: d.educationCompleted,
          },
        ]
      : [],
    aspirations: { occupations: d.wished.map((w) => w.id), mode: d.mode },
    limitations: d.limitations,
  };
}
