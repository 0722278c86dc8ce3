import { NO_DAY } from '../features/common';
import { PL, type PersonView } from '../features/person';
import type { VacancyView } from '../features/vacancy';
import { filterCriterion } from './criterion';

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

/** Open vacancies only (filter only). */
export const vacancyOpenCriterion = filterCriterion<PersonView, VacancyView>('vacancyOpen', (_p, v, ctx) =>
  vacancyOpen(v, ctx.today),
);
