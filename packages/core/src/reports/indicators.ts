/**
 * Programme indicators (capability C7): counts of people, each disaggregated by one breakdown.
 * No runtime import, so that the browser app reads these lists through
 * `@passerelle/core/indicators` (the report's query schema is in `indicators-query.ts`).
 * Every indicator counts people, never records, so that a person referred three times counts once.
 *
 * - `people`: people followed (live records, not merged away);
 * - `referred`: people with at least one referral sent (its sent date is set);
 * - `placed`: people with a referral to a vacancy that started (its start date is set, even if the
 *   job ended or was dropped later);
 * - `trained`: people with a referral to a training that completed;
 * - `reached6m`: people reached at the 6-month follow-up (`months` = 6) of a placement;
 * - `employed6m`: people in work then (the latest such contact says employed = yes): with
 *   `reached6m`, the share still employed six months on.
 */
export const programmeIndicators = [
  'people',
  'referred',
  'placed',
  'trained',
  'reached6m',
  'employed6m',
] as const;
export type ProgrammeIndicator = (typeof programmeIndicators)[number];

/** What the indicators can be broken down by (the person's sex, age group, programme, country of return). */
export const indicatorBreakdowns = ['sex', 'ageGroup', 'programme', 'returnCountry'] as const;
export type IndicatorBreakdown = (typeof indicatorBreakdowns)[number];

/**
 * Age groups in completed years on the report's date: under 18, then the ten-year bands of
 * labour statistics from 25 (with 18–24 as youth), and 65 and over. `below` is the first age
 * outside the band; the last band has none.
 */
export const ageBands: readonly { key: string; below: number | null }[] = [
  { key: '0-17', below: 18 },
  { key: '18-24', below: 25 },
  { key: '25-34', below: 35 },
  { key: '35-44', below: 45 },
  { key: '45-54', below: 55 },
  { key: '55-64', below: 65 },
  { key: '65+', below: null },
];

/** The key of a group whose value is not recorded (no sex, no birth date, no programme, no country). */
export const unknownGroup = 'unknown';

/** Completed years between two ISO dates (YYYY-MM-DD); a birthday on 29 February falls on 1 March. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age group of a person born on `birthDate` (ISO date, or null when unknown) on the date `on`. */
export function ageGroupOf(birthDate: string | null | undefined, on: string): string {
  if (!birthDate) return unknownGroup;
  const age = ageOn(birthDate, on);
  if (age < 0) return unknownGroup;
  return (ageBands.find((b) => b.below === null || age < b.below) ?? ageBands[ageBands.length - 1]!).key;
}

/**
 * The latest birth date of someone at least `years` old on `on`: younger than `years` exactly when
 * born after it. Lets a database group by age with date comparisons that agree with `ageOn`
 * (29 February of a common year is the 28th).
 */
export function bornOnOrBefore(on: string, years: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The order groups are listed in: age groups youngest first, others as given (largest first), unknown last. */
export function groupOrder(by: IndicatorBreakdown, key: string): number {
  if (key === unknownGroup) return Number.MAX_SAFE_INTEGER;
  if (by === 'ageGroup') return ageBands.findIndex((b) => b.key === key);
  return 0;
}
