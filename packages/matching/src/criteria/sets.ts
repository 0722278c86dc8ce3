import type { PersonView } from '../features/person';
import type { TrainingView } from '../features/training';
import type { VacancyView } from '../features/vacancy';
import { aspirationsCriterion } from './aspirations';
import type { Criterion } from './criterion';
import { educationCriterion } from './education';
import { homeWorkCriterion } from './home-work';
import { hoursCriterion } from './hours';
import { languagesCriterion } from './languages';
import { limitationsCriterion } from './limitations';
import { occupationCriterion } from './occupation';
import { placeCriterion } from './place';
import { requirementsCriterion, vacancyOpenCriterion } from './requirements';
import { skillsCriterion } from './skills';
import { skillGapCriterion } from './training/skill-gap';
import { trainingAspirationsCriterion } from './training/training-aspirations';
import { trainingPlaceCriterion } from './training/training-place';
import {
  trainingDatesCriterion,
  trainingEducationCriterion,
  trainingLanguageCriterion,
  trainingOpenCriterion,
  trainingSupportCriterion,
} from './training/training-terms';

/** The criteria of a person ↔ vacancy pair. Weights come from `options.weights.vacancy[id]`; no weight = filter only. */
export const vacancyCriteria: readonly Criterion<PersonView, VacancyView>[] = [
  skillsCriterion,
  occupationCriterion,
  placeCriterion,
  aspirationsCriterion,
  languagesCriterion,
  educationCriterion,
  hoursCriterion,
  homeWorkCriterion,
  limitationsCriterion,
  requirementsCriterion,
  vacancyOpenCriterion,
];

/** The criteria of a person ↔ training pair. Weights come from `options.weights.training[id]`. */
export const trainingCriteria: readonly Criterion<PersonView, TrainingView>[] = [
  skillGapCriterion,
  trainingAspirationsCriterion,
  trainingPlaceCriterion,
  trainingDatesCriterion,
  trainingSupportCriterion,
  trainingLanguageCriterion,
  trainingEducationCriterion,
  trainingOpenCriterion,
];
