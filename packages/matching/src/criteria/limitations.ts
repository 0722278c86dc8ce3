import { SHIFT_EVENING, SHIFT_NIGHT } from '../features/common';
import { PERSON_CHILDCARE, PERSON_LIMITED_MOBILITY, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';
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
  },
);
