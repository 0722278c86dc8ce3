import type { Person, Training, Vacancy } from '@passerelle/core';
import { createPersonStore, createTrainingStore, createVacancyStore, type Database } from '@passerelle/db';
import {
  createKnowledge,
  createMatchIndex,
  type KnowledgeInput,
  type MatchIndex,
} from '@passerelle/matching';
import { personToMatch, trainingToMatch, vacancyToMatch } from './from-records';

/**
 * Keeps the in-memory match index in step with the database. The index is built from the database
 * at start; afterwards every query first applies the records changed since the last one
 * (`updated_at` above a watermark, one indexed query per table), so one change never rebuilds the
 * index. Erasure removes a person at once through the trust registry.
 */
export interface MatchService {
  readonly index: MatchIndex;
  /** Applies the changes since the last sync; cheap when nothing changed. */
  sync(): Promise<void>;
  removePerson(id: string): void;
  stats(): { people: number; vacancies: number; trainings: number; syncs: number; applied: number };
}

const tables = {
  people: 'people',
  vacancies: 'vacancies',
  trainings: 'training_offers',
} as const;

export async function createMatchService(deps: {
  database: Database;
  knowledge: KnowledgeInput;
}): Promise<MatchService> {
  const index = createMatchIndex({ knowledge: createKnowledge(deps.knowledge) });
  const people = createPersonStore(deps.database.db);
  const vacancies = createVacancyStore(deps.database.db);
  const trainings = createTrainingStore(deps.database.db);
  let watermark = '1970-01-01T00:00:00.000Z';
  let syncs = 0;
  let applied = 0;
  let running: Promise<void> | null = null;

  const applyPerson = (p: Person | null, id: string) => {
    if (!p || p.archivedAt || p.mergedIntoId) index.removePerson(id);
    else index.putPerson(personToMatch(p));
  };
  const applyVacancy = (v: Vacancy | null, id: string) => {
    if (!v || v.archivedAt || v.status !== 'open') index.removeVacancy(id);
    else index.putVacancy(vacancyToMatch(v));
  };
  const applyTraining = (t: Training | null, id: string) => {
    if (!t || t.archivedAt || t.status !== 'open') index.removeTraining(id);
    else index.putTraining(trainingToMatch(t));
  };

  async function changedIds(table: string, since: string) {
    return deps.database.query<{ id: string; updated_at: string }>(
      `select id::text as id, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at
       from ${table} where updated_at >= $1::timestamptz order by updated_at`,
      [since],
    );
  }

  async function doSync(): Promise<void> {
    syncs++;
    // Rows committed in the same microsecond as the watermark are re-read (>=): applying twice is harmless.
    const since = watermark;
    let next = since;
    const seen = async <T>(
      table: string,
      load: (id: string) => Promise<T | null>,
      apply: (r: T | null, id: string) => void,
    ) => {
      for (const row of await changedIds(table, since)) {
        apply(await load(row.id), row.id);
        applied++;
        if (row.updated_at > next) next = row.updated_at;
      }
    };
    await seen(tables.people, (id) => people.get(id), applyPerson);
    await seen(tables.vacancies, (id) => vacancies.get(id), applyVacancy);
    await seen(tables.trainings, (id) => trainings.get(id), applyTraining);
    watermark = next;
  }

  const service: MatchService = {
    index,
    sync() {
      // One sync at a time; concurrent callers share it.
      running ??= doSync().finally(() => {
        running = null;
      });
      return running;
    },
    removePerson(id: string) {
      index.removePerson(id);
    },
    stats() {
      const s = index.stats();
      return { people: s.people, vacancies: s.vacancies, trainings: s.trainings, syncs, applied };
    },
  };
  await service.sync();
  return service;
}
