import { bitCount } from '../features/common';
import type { PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';

/** Hours and shifts: the mean of "the hours fit" and "the share of the vacancy's shifts the person can work". */
export function hoursScore(p: PersonView, v: VacancyView, options: MatchOptions): number {
  const o = options.hours;
  const need = v.hours;
  const can = p.maxHours;
  let hours: number;
  if (Number.isNaN(need)) hours = 1;
  else if (Number.isNaN(can)) hours = o.unknown;
  else hours = need <= can ? 1 : can / need;
  let shifts: number;
  if (v.shifts === 0) shifts = 1;
  else if (p.shifts === 0) shifts = o.shiftsUnknown;
  else shifts = bitCount(v.shifts & p.shifts) / bitCount(v.shifts);
  return (hours + shifts) / 2;
}

/** Hours per week and shifts. */
export const hoursCriterion = pairCriterion<PersonView, VacancyView>(
  'hours',
  (p, v, ctx) => hoursScore(p, v, ctx.options),
  {
    explain: (p, v) => ({
      vacancyHours: Number.isNaN(v.hours) ? null : v.hours,
      personMaxHours: Number.isNaN(p.maxHours) ? null : p.maxHours,
      shiftsNeeded: v.shifts,
      shiftsAvailable: p.shifts,
    }),
  },
);
