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

/** A class key standing for nothing known: every document of it may be admitted. */
const NO_CLASS = -1;
const DIGIT = 256;
/** Room for three licence digits below the right-to-work digits of a person's key. */
const LICENCE_PART = DIGIT ** 3;

/** Up to `max` ids below 255, sorted, as base-256 digits (each + 1); NO_CLASS when more or larger. */
function digits(ids: readonly number[], max: number): number {
  if (ids.length > max) return NO_CLASS;
  let key = 0;
  for (const id of [...ids].sort((a, b) => a - b)) {
    if (!(id >= 0 && id < DIGIT - 1)) return NO_CLASS;
    key = key * DIGIT + id + 1;
  }
  return key;
}

/** Whether `id` is among the digits of `key` (see `digits`). */
function hasDigit(key: number, id: number): boolean {
  for (let rest = key; rest > 0; rest = Math.floor(rest / DIGIT)) if ((rest % DIGIT) - 1 === id) return true;
  return false;
}

/**
 * Hard requirements (filter only). Its classes let the ranker drop the people (or vacancies) a
 * query's requirements surely exclude before reading their records: a person's key is their
 * rights to work (up to two countries) and driving licences (up to three), a vacancy's its required
 * licence and the country where the right to work is required. Documents with more, or with ids
 * of 255 or above, fall in a class of their own that is never dropped (their records decide).
 */
export const requirementsCriterion = filterCriterion<PersonView, VacancyView>(
  'requirements',
  (p, v) => meetsRequirements(p, v),
  {
    person: (p) => {
      const rights = digits(p.list(PL.rightToWork), 2);
      const licences = digits(p.list(PL.licences), 3);
      return rights === NO_CLASS || licences === NO_CLASS ? NO_CLASS : rights * LICENCE_PART + licences;
    },
    target: (v) => {
      const country = v.rightToWorkRequired && v.country >= 0 ? v.country : -1;
      if (v.licence >= DIGIT - 1 || country >= DIGIT - 1) return NO_CLASS;
      return (v.licence + 1) * DIGIT + country + 1;
    },
    admitsForPerson: (p, key) => {
      if (!(key >= 0)) return true;
      const licence = Math.floor(key / DIGIT) - 1;
      const country = (key % DIGIT) - 1;
      if (licence >= 0 && !p.has(PL.licences, licence)) return false;
      return !(country >= 0 && !p.has(PL.rightToWork, country));
    },
    admitsForTarget: (v, key) => {
      if (!(key >= 0)) return true;
      const rights = Math.floor(key / LICENCE_PART);
      const licences = key % LICENCE_PART;
      if (v.licence >= 0 && !hasDigit(licences, v.licence)) return false;
      return !(v.rightToWorkRequired && v.country >= 0 && !hasDigit(rights, v.country));
    },
  },
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
