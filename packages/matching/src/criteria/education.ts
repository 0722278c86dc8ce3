import type { PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';

/** Education: the person's ISCED level against a minimum; being over-qualified costs nothing. */
export function educationScore(personIsced: number, minIsced: number, options: MatchOptions): number {
  const o = options.education;
  if (minIsced < 0) return 1;
  if (personIsced < 0) return o.unknown;
  const gap = minIsced - personIsced;
  if (gap <= 0) return 1;
  if (gap === 1) return o.oneBelow;
  if (gap === 2) return o.twoBelow;
  return 0;
}

/** Education level (ISCED 2011) against the vacancy's minimum. */
export const educationCriterion = pairCriterion<PersonView, VacancyView>(
  'education',
  (p, v, ctx) => educationScore(p.isced, v.minIsced, ctx.options),
  {
    explain: (p, v) => ({
      personLevel: p.isced < 0 ? null : p.isced,
      minimumLevel: v.minIsced < 0 ? null : v.minIsced,
    }),
    // One class per level: the bounds are the exact scores.
    classes: {
      person: (p) => p.isced,
      target: (v) => v.minIsced,
      boundForPerson: (p, minIsced, ctx) => educationScore(p.isced, minIsced, ctx.options),
      boundForTarget: (v, isced, ctx) => educationScore(isced, v.minIsced, ctx.options),
    },
  },
);
