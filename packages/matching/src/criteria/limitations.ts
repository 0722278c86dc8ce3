import { SHIFT_EVENING, SHIFT_NIGHT } from '../features/common';
import { PERSON_CHILDCARE, PERSON_LIMITED_MOBILITY, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';
import { bucketHours, hoursBucket } from './hours';
import { isNear } from './shared';

/**
 * Practical limitations: childcare favours home-based work, part-time and day shifts; limited
 * mobility favours home-based or near work (distance itself is in the place criterion).
 */
export function limitationsScore(p: PersonView, v: VacancyView, options: MatchOptions): number {
  const o = options.limitations;
  let sum = 0;
  let n = 0;
  if ((p.flags & PERSON_CHILDCARE) !== 0) {
    n++;
    if (v.homeBased) sum += o.childcareHomeBased;
    else if ((v.shifts & (SHIFT_EVENING | SHIFT_NIGHT)) !== 0) sum += o.childcareEveningOrNight;
    else if (!Number.isNaN(v.hours) && v.hours <= o.partTimeHours) sum += o.childcarePartTimeDay;
    else sum += o.childcareFullTimeDay;
  }
  if ((p.flags & PERSON_LIMITED_MOBILITY) !== 0) {
    n++;
    if (v.homeBased) sum += o.mobilityHomeBased;
    else sum += isNear(p, v, o.mobilityNearKm) ? o.mobilityNear : o.mobilityElsewhere;
  }
  return n === 0 ? 1 : sum / n;
}

const EVENING_OR_NIGHT = 2;

function childcarePart(
  homeBased: boolean,
  eveningOrNight: boolean,
  partTime: boolean | null,
  options: MatchOptions,
): number {
  const o = options.limitations;
  if (homeBased) return o.childcareHomeBased;
  if (eveningOrNight) return o.childcareEveningOrNight;
  if (partTime === null) return Math.max(o.childcarePartTimeDay, o.childcareFullTimeDay);
  return partTime ? o.childcarePartTimeDay : o.childcareFullTimeDay;
}

/** Childcare and limited mobility. */
export const limitationsCriterion = pairCriterion<PersonView, VacancyView>(
  'limitations',
  (p, v, ctx) => limitationsScore(p, v, ctx.options),
  {
    explain: (p, v) => ({
      childcare: (p.flags & PERSON_CHILDCARE) !== 0,
      limitedMobility: (p.flags & PERSON_LIMITED_MOBILITY) !== 0,
      homeBased: v.homeBased,
      eveningOrNight: (v.shifts & (SHIFT_EVENING | SHIFT_NIGHT)) !== 0,
    }),
    // Class of a person: the two flags. Class of a vacancy: home-based, evening or night
    // shifts, and the hours bucket (part time may be undecided within a bucket: the better of
    // the two then). Nearness depends on the pair: the better of near and elsewhere.
    classes: {
      person: (p) => p.flags & (PERSON_CHILDCARE | PERSON_LIMITED_MOBILITY),
      target: (v) =>
        (v.homeBased ? 1 : 0) +
        ((v.shifts & (SHIFT_EVENING | SHIFT_NIGHT)) !== 0 ? EVENING_OR_NIGHT : 0) +
        4 * (hoursBucket(v.hours) + 1),
      boundForPerson: (p, key, ctx) => {
        const o = ctx.options.limitations;
        const homeBased = (key & 1) === 1;
        const bucket = Math.floor(key / 4) - 1;
        let partTime: boolean | null;
        if (bucket < 0) partTime = false;
        else {
          const [low, high] = bucketHours(bucket);
          if (high <= o.partTimeHours) partTime = true;
          else if (low > o.partTimeHours) partTime = false;
          else partTime = null;
        }
        let sum = 0;
        let n = 0;
        if ((p.flags & PERSON_CHILDCARE) !== 0) {
          n++;
          sum += childcarePart(homeBased, (key & EVENING_OR_NIGHT) !== 0, partTime, ctx.options);
        }
        if ((p.flags & PERSON_LIMITED_MOBILITY) !== 0) {
          n++;
          sum += homeBased ? o.mobilityHomeBased : Math.max(o.mobilityNear, o.mobilityElsewhere);
        }
        return n === 0 ? 1 : sum / n;
      },
      boundForTarget: (v, flags, ctx) => {
        const o = ctx.options.limitations;
        let sum = 0;
        let n = 0;
        if ((flags & PERSON_CHILDCARE) !== 0) {
          n++;
          sum += childcarePart(
            v.homeBased,
            (v.shifts & (SHIFT_EVENING | SHIFT_NIGHT)) !== 0,
            !Number.isNaN(v.hours) && v.hours <= o.partTimeHours,
            ctx.options,
          );
        }
        if ((flags & PERSON_LIMITED_MOBILITY) !== 0) {
          n++;
          sum += v.homeBased ? o.mobilityHomeBased : Math.max(o.mobilityNear, o.mobilityElsewhere);
        }
        return n === 0 ? 1 : sum / n;
      },
    },
  },
);
