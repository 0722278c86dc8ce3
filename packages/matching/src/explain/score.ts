import type { Criterion } from '../criteria/criterion';
import { trainingCriteria, vacancyCriteria } from '../criteria/sets';
import type { PersonView } from '../features/person';
import type { TrainingView } from '../features/training';
import type { VacancyView } from '../features/vacancy';
import type { MatchIndex } from '../index/match-index';
import type { MatchOptions } from '../options';

/** One criterion's part of a pair score. */
export interface CriterionScore {
  id: string;
  /** Normalised weight (0 for filters). */
  weight: number;
  /** The criterion's score, 0..1 (a count in overlap mode). */
  score: number;
  /** weight × score. */
  contribution: number;
  /** For filters: whether the pair passes. */
  admitted?: boolean;
  detail?: Record<string, unknown>;
}

/** A pair's score, computed directly from the criteria (the reference the index must agree with). */
export interface PairScore {
  score: number;
  admitted: boolean;
  criteria: CriterionScore[];
}

function scoreWith<T>(
  criteria: readonly Criterion<PersonView, T>[],
  weights: Record<string, number>,
  index: MatchIndex,
  p: PersonView,
  t: T,
  options: MatchOptions,
  withDetail: boolean,
): PairScore {
  const ctx = index.context(options);
  let total = 0;
  for (const c of criteria) total += Math.max(0, weights[c.id] ?? 0);
  let score = 0;
  let admitted = true;
  const parts: CriterionScore[] = [];
  for (const c of criteria) {
    const w = total > 0 ? Math.max(0, weights[c.id] ?? 0) / total : 0;
    const scorer = c.forPerson(p, ctx);
    const ok = scorer.admits && options.applyFilters ? scorer.admits(t) : undefined;
    if (ok === false) admitted = false;
    const s = w > 0 ? scorer.score(t) : 0;
    score += w * s;
    if (w > 0 || ok !== undefined) {
      parts.push({
        id: c.id,
        weight: w,
        score: s,
        contribution: w * s,
        ...(ok !== undefined ? { admitted: ok } : {}),
        ...(withDetail && c.explain ? { detail: c.explain(p, t, ctx) } : {}),
      });
    }
  }
  return { score, admitted, criteria: parts };
}

/** Scores a person–vacancy pair with every criterion. */
export function scoreVacancyPair(
  index: MatchIndex,
  p: PersonView,
  v: VacancyView,
  options: MatchOptions,
  withDetail = false,
): PairScore {
  return scoreWith(vacancyCriteria, options.weights.vacancy, index, p, v, options, withDetail);
}

/** Scores a person–training pair with every criterion. */
export function scoreTrainingPair(
  index: MatchIndex,
  p: PersonView,
  t: TrainingView,
  options: MatchOptions,
  withDetail = false,
): PairScore {
  return scoreWith(trainingCriteria, options.weights.training, index, p, t, options, withDetail);
}
