import { PERSON_WANTS_HOME, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import type { MatchOptions } from '../options';
import { pairCriterion } from './criterion';
import { isNear } from './shared';

/** Work at or near home: only matters for a person who asked for it. */
export function homeWorkScore(p: PersonView, v: VacancyView, options: MatchOptions): number {
  const o = options.homeWork;
  if ((p.flags & PERSON_WANTS_HOME) === 0) return 1;
  if (v.homeBased) return o.homeBased;
  return isNear(p, v, o.nearKm) ? o.near : o.elsewhere;
}

/** Work at or near home. */
export const homeWorkCriterion = pairCriterion<PersonView, VacancyView>(
  'homeWork',
  (p, v, ctx) => homeWorkScore(p, v, ctx.options),
  {
    explain: (p, v, ctx) => ({
      wanted: (p.flags & PERSON_WANTS_HOME) !== 0,
      homeBased: v.homeBased,
      near: isNear(p, v, ctx.options.homeWork.nearKm),
    }),
  },
);
