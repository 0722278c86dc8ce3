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
    // Class: whether the person asked, whether the vacancy is home-based; nearness depends on
    // the pair, so a class is bounded by the better of near and elsewhere.
    classes: {
      person: (p) => ((p.flags & PERSON_WANTS_HOME) !== 0 ? 1 : 0),
      target: (v) => (v.homeBased ? 1 : 0),
      boundForPerson: (p, homeBased, ctx) => {
        const o = ctx.options.homeWork;
        if ((p.flags & PERSON_WANTS_HOME) === 0) return 1;
        return homeBased === 1 ? o.homeBased : Math.max(o.near, o.elsewhere);
      },
      boundForTarget: (v, wants, ctx) => {
        const o = ctx.options.homeWork;
        if (wants === 0) return 1;
        return v.homeBased ? o.homeBased : Math.max(o.near, o.elsewhere);
      },
    },
  },
);
