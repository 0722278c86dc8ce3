import { starterCatalogue } from '@passerelle/taxonomy';
import { expect, test } from 'vitest';
import { knowledgeFromCatalogue } from '../knowledge/from-catalogue';
import { generatorCatalogueFrom } from './index';
import { runMatchBenchmark } from './run';

test('with no people the benchmark builds the vacancies alone and keeps the JSON shape', async () => {
  const { result, details } = await runMatchBenchmark({
    vacancies: 400,
    people: 0,
    queries: 10,
    seed: 1,
    sqlQueries: 20,
    catalogue: generatorCatalogueFrom(starterCatalogue),
    knowledge: knowledgeFromCatalogue(starterCatalogue),
  });
  expect(Object.keys(result)).toEqual([
    'vacancies',
    'people',
    'build_s',
    'heap_mb',
    'person_to_vacancies',
    'vacancy_to_people',
    'sql_overlap',
    'engine_overlap_p50_ms',
    'floor_p50_ms',
  ]);
  expect(result.vacancies).toBe(400);
  expect(result.people).toBe(0);
  expect(result.person_to_vacancies).toEqual({ p50_ms: 0, p99_ms: 0 });
  expect(result.sql_overlap).toBeNull();
  expect(details.fillPeopleSeconds).toBe(0);
  // The build figure is the vacancies' puts plus their own list fill.
  expect(result.build_s).toBeCloseTo(details.vacanciesBuild.wall_s, 1);
  expect(details.postings).toBeGreaterThan(400);
});
