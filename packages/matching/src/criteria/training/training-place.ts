import { cellsWithin } from '../../features/common';
import type { PersonView } from '../../features/person';
import { DELIVERY_BLENDED, DELIVERY_ONLINE, type TrainingView } from '../../features/training';
import type { MatchOptions } from '../../options';
import type { Criterion, PlanTerm } from '../criterion';
import { placeScore, postPlace, reachableTerms } from '../place';
import { placeDistance, travelRangeKm } from '../shared';

const T = {
  district: 'tplace.district:t',
  cell: 'tplace.cell:t',
  region: 'tplace.region:t',
  none: 'tplace.none:t',
  remote: 'tplace.remote:t',
};
const P = {
  district: 'tplace.district:p',
  cell: 'tplace.cell:p',
  region: 'tplace.region:p',
  none: 'tplace.none:p',
};

/** Reachability of a training: online 1, blended a little less, in person by distance (nobody moves for a course). */
export function trainingPlaceScore(p: PersonView, t: TrainingView, options: MatchOptions): number {
  if (t.delivery === DELIVERY_ONLINE) return 1;
  if (t.delivery === DELIVERY_BLENDED) return options.training.blended;
  return placeScore(p, t, false, options, false);
}

/** Where a training takes place, against where the person can travel. */
export const trainingPlaceCriterion: Criterion<PersonView, TrainingView> = {
  id: 'trainingPlace',
  postPerson(p, sink) {
    postPlace(p, sink, P);
  },
  postTarget(t, sink) {
    if (t.delivery !== 0) sink.add(T.remote, t.delivery);
    else postPlace(t, sink, T);
  },
  forPerson(p, ctx) {
    const o = ctx.options;
    const terms: PlanTerm[] = [
      { family: T.remote, key: DELIVERY_ONLINE, weight: 1, scaled: false },
      { family: T.remote, key: DELIVERY_BLENDED, weight: o.training.blended, scaled: false },
    ];
    if (p.country < 0) {
      return {
        score: (t) => trainingPlaceScore(p, t, o),
        plan: { combine: 'max', terms, otherwise: o.place.unknown, cap: 1 },
        ceiling: 1,
      };
    }
    terms.push(...reachableTerms(p, o, T, o.place.sameRegion));
    terms.push({ family: T.none, key: 0, weight: o.place.unknown, scaled: false });
    return {
      score: (t) => trainingPlaceScore(p, t, o),
      plan: { combine: 'max', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  forTarget(t, ctx) {
    const o = ctx.options;
    if (t.delivery !== 0 || t.country < 0) {
      // Online, blended, or in person somewhere unknown: the same score for everybody.
      const constant =
        t.delivery === DELIVERY_ONLINE
          ? 1
          : t.delivery === DELIVERY_BLENDED
            ? o.training.blended
            : o.place.unknown;
      return { score: () => constant, ceiling: constant };
    }
    const terms: PlanTerm[] = [{ family: P.none, key: 0, weight: o.place.unknown, scaled: false }];
    if (t.district >= 0)
      terms.push({ family: P.district, key: t.district, weight: o.place.sameDistrict, scaled: false });
    if (t.region >= 0)
      terms.push({ family: P.region, key: t.region, weight: o.place.sameRegion, scaled: false });
    if (!Number.isNaN(t.lat)) {
      const cap = o.place.maxTravelCapKm;
      for (const { cell, minKm } of cellsWithin(t.lat, t.lon, cap, o.place.cellDegrees)) {
        terms.push({
          family: P.cell,
          key: cell,
          weight: 1 - ((1 - o.place.atMaxTravel) * minKm) / cap,
          scaled: false,
        });
      }
    }
    return {
      score: (p) => trainingPlaceScore(p, t, o),
      plan: { combine: 'max', terms, otherwise: 0, cap: 1 },
      ceiling: 1,
    };
  },
  explain(p, t, ctx) {
    const d = placeDistance(p, t);
    return {
      delivery: ['in_person', 'online', 'blended'][t.delivery],
      sameDistrict: p.district >= 0 && p.district === t.district,
      distanceKm: Number.isNaN(d) ? null : Math.round(d * 10) / 10,
      travelRangeKm: travelRangeKm(p, ctx.options),
    };
  },
};
