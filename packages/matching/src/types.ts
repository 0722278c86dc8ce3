/**
 * The engine's input types. They are deliberately independent of the stored records: the
 * integrator maps people, vacancies and trainings records to these shapes. Every field except
 * the ids may be missing (profiles are taken with partial data).
 */

/** CEFR levels in order; the engine compares them as 1..6. */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

/** The five CEFR language activities a profile records. */
export const cefrSkills = [
  'listening',
  'reading',
  'spokenInteraction',
  'spokenProduction',
  'writing',
] as const;
export type CefrSkill = (typeof cefrSkills)[number];

/** Shifts a vacancy needs or a person can work. */
export const shifts = ['day', 'evening', 'night', 'weekend'] as const;
export type Shift = (typeof shifts)[number];

/** How far a person is willing to move for work. */
export const moveWillingness = ['no', 'region', 'country', 'abroad'] as const;
export type MoveWillingness = (typeof moveWillingness)[number];

/** How a person's skill is known. Carried into explanations; by default it does not change the score. */
export type SkillEvidence = 'self_declared' | 'counsellor_assessed' | 'certified' | 'work_experience';

/** A place. Region and district names are compared within their country. */
export interface MatchLocation {
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  region?: string;
  district?: string;
  lat?: number;
  lon?: number;
}

/** An occupation coded to ESCO and/or ISCO-08 (a 4-digit unit group code, e.g. "7231"). */
export interface MatchOccupation {
  uri?: string;
  isco?: string;
}

/** A language a person speaks, with a CEFR level per activity. */
export interface MatchPersonLanguage {
  /** ISO 639 code, e.g. "fr", "ar". */
  language: string;
  levels: Partial<Record<CefrSkill, CefrLevel>>;
}

/** The attributes that the engine carries but never reads (see docs/matching.md, "Never a signal"). */
export interface ProtectedAttributes {
  sex?: string;
  gender?: string;
  birthYear?: number;
  nationality?: string;
  religion?: string;
  ethnicity?: string;
}

/** A person as the engine sees them. */
export interface MatchPerson {
  id: string;
  /** Occupations held in the past (work experience). */
  pastOccupations?: MatchOccupation[];
  /** Skills the person has, as ESCO skill URIs. */
  skills?: { uri: string; evidence?: SkillEvidence }[];
  languages?: MatchPersonLanguage[];
  /** Highest ISCED 2011 level attained, 0..8. */
  iscedLevel?: number;
  location?: MatchLocation;
  mobility?: { willingToMove?: MoveWillingness; maxTravelKm?: number };
  availability?: { maxHoursPerWeek?: number; shifts?: Shift[] };
  /** The person wants work at home or near home. */
  wantsWorkAtOrNearHome?: boolean;
  limitations?: { childcare?: boolean; limitedMobility?: boolean };
  aspirations?: { occupations?: MatchOccupation[]; sectors?: string[] };
  /** Driving licence categories held, e.g. "B", "C". */
  drivingLicences?: string[];
  /** Countries (ISO alpha-2) where the person has the right to work. */
  rightToWork?: string[];
  /** Carried, never read by any criterion. */
  protected?: ProtectedAttributes;
}

/** A language requirement of a vacancy. With `hard`, a person below `minLevel` is filtered out. */
export interface MatchLanguageRequirement {
  language: string;
  minLevel: CefrLevel;
  /** The activity the level applies to; without it, the person's mean level is used. */
  skill?: CefrSkill;
  hard?: boolean;
}

/** A vacancy as the engine sees it. Dates are ISO `YYYY-MM-DD`. */
export interface MatchVacancy {
  id: string;
  occupation?: MatchOccupation;
  /** Economic sector code (e.g. ISIC section), compared with a person's wished sectors. */
  sector?: string;
  essentialSkills?: string[];
  optionalSkills?: string[];
  languages?: MatchLanguageRequirement[];
  /** Minimum ISCED 2011 level. */
  minIscedLevel?: number;
  location?: MatchLocation;
  homeBasedPossible?: boolean;
  hoursPerWeek?: number;
  shifts?: Shift[];
  seats?: number;
  opensOn?: string;
  closesOn?: string;
  /** Hard requirements: they filter, they do not score. */
  requirements?: { drivingLicence?: string; rightToWork?: boolean };
}

export type TrainingDelivery = 'in_person' | 'online' | 'blended';

/** A training offer as the engine sees it. Dates are ISO `YYYY-MM-DD`. */
export interface MatchTraining {
  id: string;
  skillsTaught?: string[];
  /** Occupations the training prepares for (compared with wished occupations). */
  occupations?: MatchOccupation[];
  location?: MatchLocation;
  delivery?: TrainingDelivery;
  startsOn?: string;
  endsOn?: string;
  enrolmentClosesOn?: string;
  seats?: number;
  stipend?: boolean;
  transportSupport?: boolean;
  childcareSupport?: boolean;
  /** Language of instruction and the level needed to follow. */
  language?: { language: string; minLevel?: CefrLevel };
  minIscedLevel?: number;
}
