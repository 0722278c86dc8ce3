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
  return (hours + shiftsPart(v.shifts, p.shifts, options)) / 2;
}

const HOURS_BUCKET = 4;
const TOP_BUCKET = 1023;

/** Hours in 4-hour buckets, for classes: -1 when unknown. */
export function hoursBucket(hours: number): number {
  return Number.isNaN(hours) ? -1 : Math.min(TOP_BUCKET, Math.max(0, Math.floor(hours / HOURS_BUCKET)));
}

/** The hours a bucket holds: [low, high) (the top bucket is open-ended, the lowest holds anything below). */
export function bucketHours(bucket: number): [number, number] {
  return [
    bucket === 0 ? -Infinity : bucket * HOURS_BUCKET,
    bucket === TOP_BUCKET ? Infinity : (bucket + 1) * HOURS_BUCKET,
  ];
}
const SHIFT_KEYS = 65536;

function shiftsPart(needed: number, available: number, options: MatchOptions): number {
  if (needed === 0) return 1;
  if (available === 0) return options.hours.shiftsUnknown;
  return bitCount(needed & available) / bitCount(needed);
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
    // Class: the hours bucket and the shifts. The hours part of a score only falls as the
    // hours needed grow and only rises as the hours available grow, so a bucket's bound takes
    // its lower edge for a vacancy and its upper edge for a person.
    classes: {
      person: (p) => hoursBucket(p.maxHours) * SHIFT_KEYS + p.shifts,
      target: (v) => hoursBucket(v.hours) * SHIFT_KEYS + v.shifts,
      boundForPerson: (p, key, ctx) => {
        const bucket = Math.floor(key / SHIFT_KEYS);
        const shifts = key - bucket * SHIFT_KEYS;
        const can = p.maxHours;
        let hours: number;
        if (bucket < 0) hours = 1;
        else if (Number.isNaN(can)) hours = ctx.options.hours.unknown;
        else {
          const need = bucketHours(bucket)[0];
          hours = need <= can ? 1 : can / need;
        }
        return (hours + shiftsPart(shifts, p.shifts, ctx.options)) / 2;
      },
      boundForTarget: (v, key, ctx) => {
        const bucket = Math.floor(key / SHIFT_KEYS);
        const shifts = key - bucket * SHIFT_KEYS;
        const need = v.hours;
        let hours: number;
        if (Number.isNaN(need)) hours = 1;
        else if (bucket < 0) hours = ctx.options.hours.unknown;
        else {
          const can = bucketHours(bucket)[1];
          hours = need <= can ? 1 : can / need;
        }
        return (hours + shiftsPart(v.shifts, shifts, ctx.options)) / 2;
      },
    },
  },
);
