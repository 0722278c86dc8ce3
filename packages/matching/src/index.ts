import { scoreTrainingPair, scoreVacancyPair, type PairScore } from './explain/score';
import type { MatchIndex, MatchPage, MatchQuery } from './index/match-index';
import type { MatchOptionsInput } from './options';
import type { MatchPerson, MatchTraining, MatchVacancy } from './types';

/**
 * @passerelle/matching — the in-memory, explainable matching engine (capability C3).
 * Design: docs/matching.md. Pure: no IO outside `src/bench/`.
 */
export type {
  CefrLevel,
  CefrSkill,
  MatchLanguageRequirement,
  MatchLocation,
  MatchOccupation,
  MatchPerson,
  MatchPersonLanguage,
  MatchTraining,
  MatchVacancy,
  MoveWillingness,
  ProtectedAttributes,
  Shift,
  SkillEvidence,
  TrainingDelivery,
} from './types';
export { cefrLevels, cefrSkills, moveWillingness, shifts } from './types';
export {
  defaultOptions,
  mergeOptions,
  overlapOptions,
  type MatchOptions,
  type MatchOptionsInput,
} from './options';
export { createKnowledge, type Knowledge, type KnowledgeInput } from './knowledge/knowledge';
export { knowledgeFromCatalogue, type CatalogueLike } from './knowledge/from-catalogue';
export { skillKinds, type SkillKind } from './knowledge/expand';
export type {
  Criterion,
  CriterionContext,
  CriterionPlan,
  PlanTerm,
  PostingSink,
  Scorer,
} from './criteria/criterion';
export { trainingCriteria, vacancyCriteria } from './criteria/sets';
export {
  createMatchIndex,
  MatchIndex,
  type MatchIndexInit,
  type MatchPage,
  type MatchQuery,
  type MatchResult,
} from './index/match-index';
export type { RankStats } from './index/ranker';
export { restoreIndex, serialiseIndex, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './index/snapshot';
export {
  explainTrainingMatch,
  explainVacancyMatch,
  type ExplainQuery,
  type SkillMatch,
  type TrainingExplanation,
  type TrainingSuggestion,
  type VacancyExplanation,
} from './explain/explain';
export type { CriterionScore, PairScore } from './explain/score';

/** Scores one person–vacancy pair with every criterion (ids or inline records). */
export function scoreVacancyMatch(
  index: MatchIndex,
  person: string | MatchPerson,
  vacancy: string | MatchVacancy,
  options?: MatchOptionsInput,
): PairScore {
  const o = index.queryOptions(options);
  return scoreVacancyPair(index, index.personView(person), index.vacancyView(vacancy), o, true);
}

/** Scores one person–training pair with every criterion (ids or inline records). */
export function scoreTrainingMatch(
  index: MatchIndex,
  person: string | MatchPerson,
  training: string | MatchTraining,
  options?: MatchOptionsInput,
): PairScore {
  const o = index.queryOptions(options);
  return scoreTrainingPair(index, index.personView(person), index.trainingView(training), o, true);
}

/** Ranks vacancies for a person (indexed id or inline record). */
export function rankVacanciesForPerson(
  index: MatchIndex,
  person: string | MatchPerson,
  query?: MatchQuery,
): MatchPage {
  return index.rankVacanciesForPerson(person, query);
}

/** Ranks trainings for a person. */
export function rankTrainingsForPerson(
  index: MatchIndex,
  person: string | MatchPerson,
  query?: MatchQuery,
): MatchPage {
  return index.rankTrainingsForPerson(person, query);
}

/** Ranks people for a vacancy; pass `query.visible` to apply consent and scoping. */
export function rankPeopleForVacancy(
  index: MatchIndex,
  vacancy: string | MatchVacancy,
  query?: MatchQuery,
): MatchPage {
  return index.rankPeopleForVacancy(vacancy, query);
}

/** Ranks people for a training; pass `query.visible` to apply consent and scoping. */
export function rankPeopleForTraining(
  index: MatchIndex,
  training: string | MatchTraining,
  query?: MatchQuery,
): MatchPage {
  return index.rankPeopleForTraining(training, query);
}
