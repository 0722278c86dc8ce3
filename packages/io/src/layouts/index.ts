import { employerLayout } from './employers';
import type { ImportKind, Layout } from './layout';
import { personLayout } from './people';
import { trainingLayout } from './trainings';
import { vacancyLayout } from './vacancies';

/** The column layout of each importable kind. */
export const layouts: Record<ImportKind, Layout> = {
  people: personLayout as Layout,
  employers: employerLayout as Layout,
  vacancies: vacancyLayout as Layout,
  trainings: trainingLayout as Layout,
};
