/**
 * The printable profile (CV) of a person, read from the person record the API returned to this
 * reader. It names the fields it prints one by one: anything else in the record (health and
 * psychosocial notes, legal status, identity documents, return plans, limitations, case data)
 * never reaches the print view, whatever the API sent.
 */
import { isConceptUri, personName } from './resources';

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A taxonomy concept: its URI (to name it in each column's language) and the label stored with it. */
export interface CvConcept {
  uri: string | null;
  label: string | null;
}

/** The five CEFR activities, in the order of the Europass self-assessment grid. */
export const cefrActivities = [
  'listening',
  'reading',
  'spokenInteraction',
  'spokenProduction',
  'writing',
] as const;
export type CefrActivity = (typeof cefrActivities)[number];

export interface CvLanguage {
  code: string | null;
  label: string | null;
  motherTongue: boolean;
  levels: Partial<Record<CefrActivity, string>>;
}

export interface CvEducation {
  iscedLevel: number | null;
  levelLabel: string | null;
  field: string | null;
  institution: string | null;
  country: string | null;
  startDate: string | null;
  endDate: string | null;
  completed: boolean | null;
}

export interface CvWork {
  occupation: CvConcept;
  title: string | null;
  employer: string | null;
  country: string | null;
  startDate: string | null;
  endDate: string | null;
  current: boolean;
}

export interface CvDrivingLicence {
  category: string;
  country: string | null;
}

export interface Cv {
  name: string;
  /** Phone and email only (never the address); the print view shows them only when asked to. */
  contact: { phone: string | null; email: string | null };
  languages: CvLanguage[];
  education: CvEducation[];
  work: CvWork[];
  skills: CvConcept[];
  drivingLicences: CvDrivingLicence[];
  aspirations: { occupations: CvConcept[]; workTypes: string[] };
  /** Sections the person said they have nothing in ("no driving licence"). */
  declaredNone: string[];
}

const concept = (v: unknown): CvConcept => {
  if (typeof v === 'string') return { uri: null, label: str(v) };
  const r = asRaw(v);
  const uri = str(r.uri);
  return { uri: uri && isConceptUri(uri) ? uri : null, label: str(r.label) };
};

const hasConcept = (c: CvConcept) => c.uri !== null || c.label !== null;

/** Reads the printable profile from a person record (only the fields listed in `Cv`). */
export function toCv(raw: unknown): Cv {
  const r = asRaw(raw);
  const contact = asRaw(r.contact);
  const aspirations = asRaw(r.aspirations);
  return {
    name: personName(raw),
    contact: { phone: str(contact.phone), email: str(contact.email) },
    languages: list(r.languages).map((e) => {
      const l = asRaw(e);
      const levels: Partial<Record<CefrActivity, string>> = {};
      for (const a of cefrActivities) {
        const v = str(l[a]);
        if (v) levels[a] = v;
      }
      return { code: str(l.language), label: str(l.label), motherTongue: l.motherTongue === true, levels };
    }),
    education: list(r.education).map((e) => {
      const d = asRaw(e);
      return {
        iscedLevel: typeof d.iscedLevel === 'number' ? d.iscedLevel : null,
        levelLabel: str(d.levelLabel),
        field: str(asRaw(d.field).label),
        institution: str(d.institution),
        country: str(d.country),
        startDate: str(d.startDate),
        endDate: str(d.endDate),
        completed: typeof d.completed === 'boolean' ? d.completed : null,
      };
    }),
    work: list(r.workExperience).map((e) => {
      const w = asRaw(e);
      return {
        occupation: concept(w.occupation),
        title: str(w.title),
        employer: str(w.employer),
        country: str(w.country),
        startDate: str(w.startDate),
        endDate: str(w.endDate),
        current: w.current === true,
      };
    }),
    skills: list(r.skills).map(concept).filter(hasConcept),
    drivingLicences: list(r.drivingLicences).flatMap((e) => {
      const category = str(asRaw(e).category);
      return category ? [{ category, country: str(asRaw(e).country) }] : [];
    }),
    aspirations: {
      occupations: list(aspirations.occupations).map(concept).filter(hasConcept),
      workTypes: list(aspirations.workTypes).filter((w): w is string => typeof w === 'string'),
    },
    declaredNone: list(r.declaredNone).filter((k): k is string => typeof k === 'string'),
  };
}

/** The taxonomy URIs a CV names (skills, occupations), to look up in each column's language. */
export function cvConceptUris(cv: Cv): string[] {
  const uris = [...cv.skills, ...cv.aspirations.occupations, ...cv.work.map((w) => w.occupation)].map(
    (c) => c.uri,
  );
  return [...new Set(uris.filter((u): u is string => u !== null))];
}
