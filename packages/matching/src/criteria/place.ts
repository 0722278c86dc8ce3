import { cellsWithin } from '../features/common';
import type { PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import type { Criterion, PlanTerm, PostingSink } from './criterion';
import { placeDistance, travelRangeKm, type Located } from './shared';

// Willingness to move, as encoded in person records.
const MOVE_REGION = 1;
const MOVE_COUNTRY = 2;
const MOVE_ABROAD = 3;

const V = {
  district: 'place.district:v',
  cell: 'place.cell:v',
  region: 'place.region:v',
  country: 'place.country:v',
  home: 'place.home:v',
  none: 'place.none:v',
};
const P = {
  district: 'place.district:p',
  cell: 'place.cell:p',
  region: 'place.region:p',
  country: 'place.country:p',
  moveCountry: 'place.move-country:p',
  moveAbroad: 'place.move-abroad:p',
  none: 'place.none:p',
};

/**
 * The place score of a person for a place: the best of same district, distance within the
 * person's travel range (falling linearly to `atMaxTravel` at the edge), same region, the
 * person's willingness to move, and work from home. Pure.
 */
export function placeScore(
  p: PersonView,
  target: Located,
  homeBased: boolean,
  options: MatchOptions,
  allowMove = true,
): number {
  const o = options.place;
  if (p.country < 0 || target.country < 0) return o.unknown;
  if (p.district >= 0 && p.district === target.district) return o.sameDistrict;
  let best = 0;
  const sameCountry = p.country === target.country;
  if (homeBased && sameCountry) best = o.homeBased;
  const range = travelRangeKm(p, options);
  const d = placeDistance(p, target);
  if (!Number.isNaN(d) && d <= range && range > 0)
    best = Math.max(best, 1 - ((1 - o.atMaxTravel) * d) / range);
  if (p.region >= 0 && p.region === target.region) {
    best = Math.max(
      best,
      allowMove && p.willingToMove >= MOVE_REGION ? Math.max(o.sameRegion, o.moveWithinRegion) : o.sameRegion,
    );
  }
  if (allowMove) {
    if (p.willingToMove >= MOVE_COUNTRY && sameCountry) best = Math.max(best, o.moveWithinCountry);
    if (p.willingToMove >= MOVE_ABROAD && !sameCountry) best = Math.max(best, o.moveAbroad);
  }
  return best;
}

/** Posting lists of a place (used by the vacancy and training place criteria). */
export function postPlace(
  target: Located,
  sink: Pick<PostingSink, 'add'>,
  families: { district: string; cell: string; region: string; none: string },
): void {
  // The sink itself, not a closure calling it: a bulk load posts every document twice.
  if (target.country < 0) {
    sink.add(families.none, 0);
    return;
  }
  if (target.district >= 0) sink.add(families.district, target.district);
  if (target.region >= 0) sink.add(families.region, target.region);
  if (target.cell >= 0) sink.add(families.cell, target.cell);
}

/** Plan terms for the places a person can reach (district, cells in range, region). */
export function reachableTerms(
  p: PersonView,
  options: MatchOptions,
  families: { district: string; cell: string; region: string },
  regionScore: number,
): PlanTerm[] {
  const o = options.place;
  const terms: PlanTerm[] = [];
  if (p.district >= 0)
    terms.push({ family: families.district, key: p.district, weight: o.sameDistrict, scaled: false });
  if (p.region >= 0)
    terms.push({ family: families.region, key: p.region, weight: regionScore, scaled: false });
  const range = travelRangeKm(p, options);
  if (!Number.isNaN(p.lat) && range > 0) {
    for (const { cell, minKm } of cellsWithin(p.lat, p.lon, range, o.cellDegrees)) {
      terms.push({
        family: families.cell,
        key: cell,
        weight: 1 - ((1 - o.atMaxTravel) * minKm) / range,
        scaled: false,
      });
    }
  }
  return terms;
}

/** Place: district, travel distance, region, willingness to move, and work from home. */
export const placeCriterion: Criterion<PersonView, VacancyView> = {
  id: 'place',
  postPerson(p, sink) {
    if (p.country < 0) {
      sink.add(P.none, 0);
      return;
    }
    if (p.district >= 0) sink.add(P.district, p.district);
    if (p.region >= 0) sink.add(P.region, p.region);
    if (p.cell >= 0) sink.add(P.cell, p.cell);
    sink.add(P.country, p.country);
    if (p.willingToMove >= MOVE_COUNTRY) sink.add(P.moveCountry, p.country);
    if (p.willingToMove >= MOVE_ABROAD) sink.add(P.moveAbroad, 0);
  },
  postTarget(v, sink) {
    postPlace(v, sink, V);
    if (v.country >= 0) {
      sink.add(V.country, v.country);
      if (v.homeBased) sink.add(V.home, v.country);
    }
  },
  forPerson(p, ctx) {
    const o = ctx.options.place;
    if (p.country < 0) return { score: () => o.unknown, ceiling: o.unknown };
    const regionScore =
      p.willingToMove >= MOVE_REGION ? Math.max(o.sameRegion, o.moveWithinRegion) : o.sameRegion;
    const terms = reachableTerms(p, ctx.options, V, regionScore);
    terms.push({ family: V.home, key: p.country, weight: o.homeBased, scaled: false });
    terms.push({ family: V.none, key: 0, weight: o.unknown, scaled: false });
    if (p.willingToMove >= MOVE_COUNTRY)
      terms.push({ family: V.country, key: p.country, weight: o.moveWithinCountry, scaled: false });
    const otherwise = p.willingToMove >= MOVE_ABROAD ? o.moveAbroad : 0;
    return {
      score: (v) => placeScore(p, v, v.homeBased, ctx.options),
      plan: { combine: 'max', terms, otherwise, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(v, ctx) {
    const o = ctx.options.place;
    if (v.country < 0) return { score: () => o.unknown, ceiling: o.unknown };
    const terms: PlanTerm[] = [{ family: P.none, key: 0, weight: o.unknown, scaled: false }];
    if (v.district >= 0)
      terms.push({ family: P.district, key: v.district, weight: o.sameDistrict, scaled: false });
    if (v.region >= 0)
      terms.push({
        family: P.region,
        key: v.region,
        weight: Math.max(o.sameRegion, o.moveWithinRegion),
        scaled: false,
      });
    if (!Number.isNaN(v.lat)) {
      const cap = o.maxTravelCapKm;
      for (const { cell, minKm } of cellsWithin(v.lat, v.lon, cap, o.cellDegrees)) {
        terms.push({
          family: P.cell,
          key: cell,
          weight: 1 - ((1 - o.atMaxTravel) * minKm) / cap,
          scaled: false,
        });
      }
    }
    if (v.homeBased) terms.push({ family: P.country, key: v.country, weight: o.homeBased, scaled: false });
    terms.push({ family: P.moveCountry, key: v.country, weight: o.moveWithinCountry, scaled: false });
    terms.push({ family: P.moveAbroad, key: 0, weight: o.moveAbroad, scaled: false });
    return {
      score: (p) => placeScore(p, v, v.homeBased, ctx.options),
      plan: { combine: 'max', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  explain(p, v, ctx) {
    const d = placeDistance(p, v);
    return {
      sameDistrict: p.district >= 0 && p.district === v.district,
      sameRegion: p.region >= 0 && p.region === v.region,
      sameCountry: p.country >= 0 && p.country === v.country,
      distanceKm: Number.isNaN(d) ? null : Math.round(d * 10) / 10,
      travelRangeKm: travelRangeKm(p, ctx.options),
      homeBased: v.homeBased,
    };
  },
};
