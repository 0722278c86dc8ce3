/**
 * Every tunable of the engine, with its default, in one place. Weights are per pair kind and
 * are normalised at query time, so they need not sum to 1. Options marked "index time" shape
 * what is stored in the index; the others may be overridden per query.
 */
export const defaultOptions = {
  weights: {
    /** Person ↔ vacancy. */
    vacancy: {
      skills: 0.35,
      occupation: 0.15,
      place: 0.2,
      languages: 0.07,
      education: 0.05,
      hours: 0.06,
      homeWork: 0.03,
      limitations: 0.04,
      aspirations: 0.05,
    },
    /** Person ↔ training. */
    training: {
      skillGap: 0.4,
      trainingAspirations: 0.1,
      trainingPlace: 0.2,
      trainingDates: 0.1,
      trainingSupport: 0.1,
      trainingLanguage: 0.05,
      trainingEducation: 0.05,
    },
  },
  skills: {
    /** `weighted`: coverage of the vacancy's requirements; `overlap`: the count of shared direct skills. */
    mode: 'weighted' as 'weighted' | 'overlap',
    /** Weight of an optional requirement relative to an essential one. */
    optionalWeight: 0.5,
    /** Score of a vacancy that lists no skills. */
    noRequirementsScore: 0.5,
    /** How much a skill the person has counts, by how it is known (see knowledge/expand.ts). */
    strength: {
      direct: 1,
      broader: 0.7,
      inferredEssential: 0.5,
      related: 0.5,
      narrower: 0.5,
      sibling: 0.4,
    },
  },
  /** Index time: how a person's skills are expanded to near and inferred skills. */
  expansion: {
    maxNarrowerPerSkill: 3,
    maxSiblingsPerSkill: 2,
    maxRelatedPerSkill: 3,
    /** Upper bound on the skills a person is missing for their target occupations. */
    maxGapSkills: 48,
  },
  /** Additive: a vacancy in the same occupation is also in the same unit and minor group (1.0). */
  occupation: { sameOccupation: 0.4, sameUnitGroup: 0.3, sameMinorGroup: 0.3 },
  aspirations: {
    sameOccupation: 0.4,
    sameUnitGroup: 0.3,
    sameMinorGroup: 0.3,
    sameSector: 0.5,
    /** Score when the person stated no aspirations (neither helps nor hurts much). */
    noAspirations: 0.5,
  },
  place: {
    sameDistrict: 1,
    sameRegion: 0.6,
    /** Score at the edge of the travel range; it grows linearly to 1 at distance 0. */
    atMaxTravel: 0.5,
    defaultMaxTravelKm: 30,
    /** Index time: travel ranges are clamped to this, which bounds the cells searched. */
    maxTravelCapKm: 150,
    /** A person with limited mobility travels this fraction of their range. */
    limitedMobilityTravelFactor: 0.5,
    /** A person willing to move within their region, for a place in it. */
    moveWithinRegion: 0.8,
    moveWithinCountry: 0.4,
    moveAbroad: 0.3,
    /** A vacancy that can be done from home, for a person in the same country. */
    homeBased: 0.9,
    /** Score when either side has no location. */
    unknown: 0.3,
    /** Index time: size of the grid cells used to find places within travel range. */
    cellDegrees: 0.25,
  },
  languages: {
    /** Score of a requirement the person meets one level below; two below halves it again. */
    perLevelBelow: 0.5,
  },
  education: { oneBelow: 0.5, twoBelow: 0.2, unknown: 0.5 },
  hours: { unknown: 0.7, shiftsUnknown: 0.8 },
  homeWork: { homeBased: 1, near: 0.8, nearKm: 10, elsewhere: 0.2 },
  limitations: {
    childcareHomeBased: 1,
    childcarePartTimeDay: 0.8,
    childcareFullTimeDay: 0.5,
    childcareEveningOrNight: 0.1,
    partTimeHours: 30,
    mobilityHomeBased: 1,
    mobilityNear: 0.7,
    mobilityNearKm: 10,
    mobilityElsewhere: 0.3,
  },
  training: {
    /** A training starting within this many days scores 1; later ones decrease linearly to `lateStart` at one year. */
    soonDays: 90,
    lateStart: 0.3,
    noDates: 0.7,
    noStipend: 0.5,
    /** A training within this distance needs no transport support. */
    transportNeededKm: 5,
    supportMissing: 0.4,
    /** Online and blended trainings count as reachable from anywhere; blended scores this. */
    blended: 0.9,
  },
  /** Hard filters (requirements, open/closed, seats) apply; off only in the plain overlap baseline. */
  applyFilters: true,
  /** Today as ISO `YYYY-MM-DD`; without it, no date filter or date score applies. */
  today: undefined as string | undefined,
  /** The deepest page a query may reach (offset + limit). */
  maxResults: 1000,
  /**
   * Index time: posting lists of people and vacancies with at least this many postings group
   * them by region, so that a pass for a few candidates skips the regions holding none; 0: no
   * grouping. Off by default: it reads fewer postings but measured no faster (docs/matching.md).
   */
  partitionedListMin: 0,
  /**
   * Index time: posting lists of vacancies with at least this many postings (and no scales) group
   * them by the vacancy's ISCO sub-major group (instead of by region), so that a person → vacancies query
   * skips the postings of the groups that cannot reach its threshold (docs/matching.md, the
   * ranker's partition bounds); 0: vacancies follow `partitionedListMin`.
   */
  occupationPartitionedListMin: 1024,
  /**
   * Index time: documents are classed for the criteria without posting lists (languages,
   * education, hours, home work, limitations), and a query bounds each class once instead of
   * every document at the ceiling. Off by default: fewer candidates, but measured no faster.
   */
  classBounds: false,
  /**
   * Index time: criteria with posting lists summarise each document's group (skills: the
   * vacancy's occupation, the person's first past occupation), and a query bounds a group at
   * once before reading those lists (docs/matching.md, "Group bounds").
   */
  groupBounds: true,
  /**
   * Index time: a bulk load (the start-up rebuild, a restore) gives people and vacancies slots in
   * the order of their occupation and place, so that the documents a query reaches together sit
   * on neighbouring slots (docs/matching.md, "Slot order"). Ties in a ranking are broken by slot,
   * so this changes the order of equal scores; off: slots in insertion order.
   */
  clusterBulkLoads: true,
};

export type MatchOptions = typeof defaultOptions;

/** A partial override of the options; nested objects merge field by field. */
export type MatchOptionsInput = DeepPartial<MatchOptions>;

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K];
};

/**
 * Plain skill-overlap mode: the score is the number of direct skills shared and nothing else
 * counts, not even the hard filters — the baseline that SQL can compute too.
 */
export const overlapOptions: MatchOptionsInput = {
  weights: {
    vacancy: {
      skills: 1,
      occupation: 0,
      place: 0,
      languages: 0,
      education: 0,
      hours: 0,
      homeWork: 0,
      limitations: 0,
      aspirations: 0,
    },
  },
  skills: { mode: 'overlap' },
  applyFilters: false,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Merges overrides into options (defaults when `base` is omitted). Pure: returns a new object. */
export function mergeOptions(
  overrides?: MatchOptionsInput,
  base: MatchOptions = defaultOptions,
): MatchOptions {
  if (!overrides) return base;
  return mergeDeep(base, overrides) as MatchOptions;
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeDeep(base[key], value);
  return out;
}
