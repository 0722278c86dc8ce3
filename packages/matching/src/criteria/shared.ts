import { distanceKm } from '../features/common';
import { PERSON_LIMITED_MOBILITY, PL, type PersonView } from '../features/person';
import { KIND_NONE, skillKinds } from '../knowledge/expand';
import type { MatchOptions } from '../options';

/** Strength per skill kind (index = kind; KIND_NONE → 0). */
export function strengths(options: MatchOptions): Float64Array {
  const s = new Float64Array(KIND_NONE + 1);
  skillKinds.forEach((kind, i) => {
    s[i] = options.skills.strength[kind];
  });
  return s;
}

/** A place as the views expose it. */
export interface Located {
  readonly country: number;
  readonly region: number;
  readonly district: number;
  readonly lat: number;
  readonly lon: number;
  readonly cell: number;
}

/** Distance in km between two places, NaN when either has no coordinates. */
export function placeDistance(a: Located, b: Located): number {
  const alat = a.lat;
  const blat = b.lat;
  if (Number.isNaN(alat) || Number.isNaN(blat)) return Number.NaN;
  return distanceKm(alat, a.lon, blat, b.lon);
}

/** How far a person travels to work, in km, after the limited-mobility factor. */
export function travelRangeKm(p: PersonView, options: MatchOptions): number {
  const raw = p.maxTravelKm;
  const range = Math.min(
    Number.isNaN(raw) ? options.place.defaultMaxTravelKm : raw,
    options.place.maxTravelCapKm,
  );
  return (p.flags & PERSON_LIMITED_MOBILITY) !== 0
    ? range * options.place.limitedMobilityTravelFactor
    : range;
}

/** Same district, or within `km` when both have coordinates. */
export function isNear(a: Located, b: Located, km: number): boolean {
  if (a.district >= 0 && a.district === b.district) return true;
  const d = placeDistance(a, b);
  return !Number.isNaN(d) && d <= km;
}

/**
 * The person's level (1..6, 0 = does not speak it) in a language for one CEFR activity
 * (1..5), or the floor of the mean over the activities they gave when `activity` is 0.
 */
export function languageLevel(p: PersonView, language: number, activity: number): number {
  const end = p.end(PL.languages);
  for (let i = p.start(PL.languages); i < end; i++) {
    const packed = p.i32[i]!;
    if (packed >>> 15 !== language) continue;
    if (activity > 0) return (packed >>> (3 * (activity - 1))) & 7;
    let sum = 0;
    let n = 0;
    for (let a = 0; a < 5; a++) {
      const level = (packed >>> (3 * a)) & 7;
      if (level > 0) {
        sum += level;
        n++;
      }
    }
    return n === 0 ? 0 : Math.floor(sum / n);
  }
  return 0;
}

/** Score of holding `level` where `required` is needed: 1 when met, halving per level below, 0 when not spoken. */
export function levelScore(level: number, required: number, perLevelBelow: number): number {
  if (required <= 0) return 1;
  if (level <= 0) return 0;
  if (level >= required) return 1;
  return perLevelBelow ** (required - level);
}
