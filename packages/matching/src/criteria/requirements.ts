import { NO_DAY } from '../features/common';
import { PL, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import { filterCriterion, type Criterion } from './criterion';

/** The vacancy's hard requirements other than languages: a driving licence and the right to work. */
export function meetsRequirements(p: PersonView, v: VacancyView): boolean {
  if (v.licence >= 0 && !p.has(PL.licences, v.licence)) return false;
  if (v.rightToWorkRequired && v.country >= 0 && !p.has(PL.rightToWork, v.country)) return false;
  return true;
}

/** Hard requirements (filter only). */
export const requirementsCriterion = filterCriterion<PersonView, VacancyView>('requirements', (p, v) =>
  meetsRequirements(p, v),
);

/** Whether a vacancy is open on `today` (a day number; NaN = no date check) and has seats. */
export function vacancyOpen(v: VacancyView, today: number): boolean {
  if (v.seats === 0) return false;
  if (Number.isNaN(today)) return true;
  if (v.opensDay !== NO_DAY && v.opensDay > today) return false;
  if (v.closesDay !== NO_DAY && v.closesDay < today) return false;
  return true;
}

/** Open vacancies only (filter only). A closed query vacancy matches nobody, at no cost. */
export const vacancyOpenCriterion: Criterion<PersonView, VacancyView> = {
  id: 'vacancyOpen',
  forPerson: (_p, ctx) => ({ score: () => 1, admits: (v) => vacancyOpen(v, ctx.today), ceiling: 1 }),
  forTarget: (v, ctx) => {
    const open = vacancyOpen(v, ctx.today);
    return { score: () => 1, admits: () => open, rejectsAll: !open, ceiling: 1 };
  },
};
