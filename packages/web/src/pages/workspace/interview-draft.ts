import type { PersonInputDraft } from '@passerelle/core';
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
  /** Keys of `consentOptions` the person agreed to. */
  consents: string[];
  consentMethod: string;
  witness: string;
}

/** The consents asked at the end of the interview: purpose and recipient category in the ledger's terms. */
export const consentOptions = [
  { key: 'matching', purpose: 'matching', recipientCategory: 'programme' },
  { key: 'referralEmployers', purpose: 'referral', recipientCategory: 'employers' },
  { key: 'referralTraining', purpose: 'referral', recipientCategory: 'training_providers' },
  { key: 'sharing', purpose: 'share_profile_with_employer', recipientCategory: 'employers' },
  { key: 'reporting', purpose: 'reporting', recipientCategory: 'programme' },
] as const;

/** A consent option's wording, as the person hears it. */
export function consentLabel(key: string, t: (k: string, d: string) => string): string {
  return (
    {
      matching: t('consent.matching', 'Use my profile to find opportunities'),
      referralEmployers: t('consent.referralEmployers', 'Send my profile to employers I am referred to'),
      referralTraining: t('consent.referralTraining', 'Send my profile to training centres I am referred to'),
      sharing: t('consent.sharing', 'Share my profile with employers'),
      reporting: t('consent.reporting', 'Count me in anonymous reports'),
    }[key] ?? key
  );
}

/** The consent records (`POST /api/people/{id}/consents` bodies) the interview gathered. */
export function buildConsents(d: ProfileDraft): Record<string, unknown>[] {
  return consentOptions
    .filter((c) => d.consents.includes(c.key))
    .map((c) => ({
      purpose: c.purpose,
      recipientCategory: c.recipientCategory,
      method: d.consentMethod,
      ...(d.consentMethod === 'verbal_with_witness' ? { witness: d.witness.trim() || null } : {}),
    }));
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
    consents: [],
    consentMethod: 'signed_form',
    witness: '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

const cefr = new Set(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const limitationFields: Record<string, string> = {
  childcare: 'childcare',
  mobility: 'limitedMobility',
  health: 'healthRestrictions',
  nearHome: 'workNearHomeOnly',
};
const workTypeOf: Record<string, string> = {
  wage: 'wage_employment',
  self: 'self_employment',
  training: 'training',
};

/** The body of `POST /api/people` (core's PersonInputDraft) from an interview draft; partial profiles are normal. */
export function buildPersonInput(d: ProfileDraft): PersonInputDraft {
  const years = Number(d.years);
  const occupation = (o: ConceptOption) => ({
    uri: o.id.startsWith('http') ? o.id : null,
    label: o.label,
    ...(o.code && /^\d{1,4}$/.test(o.code) ? { iscoCode: o.code } : {}),
  });
  const limitations: Record<string, unknown> = {};
  for (const l of d.limitations) {
    const field = limitationFields[l];
    if (field) limitations[field] = true;
  }
  if (d.limitations.includes('partTime')) limitations.hoursPerWeek = 20;
  const text = orNull(d.experienceText);
  return {
    givenName: d.givenName.trim(),
    familyName: d.familyName.trim(),
    preferredLanguage: d.language,
    returnInfo: {
      hostCountry: orNull(d.hostCountry),
      returnCountry: orNull(d.countryOfReturn),
      returnRegion: orNull(d.region),
    },
    workExperience: (d.occupations.length
      ? d.occupations
      : text
        ? [{ id: '', label: text.slice(0, 200), type: null, code: null }]
        : []
    ).map((o, i) => ({
      occupation: occupation(o),
      title: o.label.slice(0, 200),
      employer: orNull(d.lastEmployer),
      arrangement: d.informal ? 'informal' : 'formal',
      description: i === 0 ? text : null,
      ...(Number.isFinite(years) && years > 0 && i === 0
        ? { startDate: String(new Date().getFullYear() - Math.round(years)) }
        : {}),
    })),
    skills: d.skills.map((s) => ({
      uri: s.id.startsWith('http') ? s.id : null,
      label: s.label,
      evidence: { kind: 'self_declared' },
    })),
    languages: d.languages
      .filter((l) => l.code.trim() !== '')
      .map((l) => {
        const level = cefr.has(l.level) ? l.level : null;
        return {
          language: l.code.trim(),
          motherTongue: l.level === 'native',
          ...(level
            ? {
                listening: level,
                reading: level,
                spokenInteraction: level,
                spokenProduction: level,
                writing: level,
              }
            : {}),
        };
      }),
    education: d.iscedLevel
      ? [
          {
            iscedLevel: Number(d.iscedLevel),
            field: d.educationField.trim() ? { label: d.educationField.trim() } : null,
            completed: d.educationCompleted,
          },
        ]
      : [],
    aspirations: {
      occupations: d.wished.map(occupation),
      workTypes: workTypeOf[d.mode] ? [workTypeOf[d.mode]] : [],
    },
    limitations,
  } as PersonInputDraft;
}
