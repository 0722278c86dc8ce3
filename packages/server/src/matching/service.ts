import type { Person, Training, Vacancy } from '@passerelle/core';
import {
  createPersonStore,
  createTaxonomyStore,
  createTrainingStore,
  createVacancyStore,
  type Database,
} from '@passerelle/db';
import {
  createKnowledge,
  createMatchIndex,
  knowledgeFromCatalogue,
  type KnowledgeInput,
  type MatchIndex,
} from '@passerelle/matching';
import { starterCatalogue } from '@passerelle/taxonomy';
import { personToMatch, trainingToMatch, vacancyToMatch } from './from-records';
import { knowledgeFromTaxonomy } from './knowledge';

/**
 * Keeps the in-memory match index in step with the database.
 *
 * - At start the index is built from the database, a page of records at a time, with the
 *   knowledge (skill hierarchy, occupation–skill relations, ISCO groups) of the taxonomy in the
 *   database (ESCO once imported, or the starter catalogue once loaded), else of the starter
 *   catalogue in memory.
 * - Afterwards every query first applies the records changed since the last sync (`updated_at` at
 *   or above a watermark, one indexed query per table), so one change never rebuilds the index.
 *   The watermark is the start of the oldest transaction still running when the sync began, so
 *   a long transaction (a bulk import) that commits later is still seen.
 * - Rows deleted outright (records nobody referred to) are noticed by comparing counts, and
 *   removed; an erasure removes a person at once through the trust registry.
 * - A new taxonomy import changes the knowledge: the index is then rebuilt in the background
 *   and swapped in when ready, while queries keep using the previous one.
 * - So is an index worn by changes: each change puts a document at the end of the index, out of
 *   the order a build gives (ISCO unit group, place, occupation; docs/matching.md, "Slot order"), and
 *   leaves its old record and group bounds behind. Once the documents put since the build exceed
 *   a share of those it was built with (`rebuildAfterChanges`), a fresh build is swapped in.
 */
export interface MatchService {
  /** The current index (replaced after a taxonomy import). */
  readonly index: MatchIndex;
  /** Applies the changes since the last sync; cheap when nothing changed. */
  sync(): Promise<void>;
  removePerson(id: string): void;
  /** Resolves once a rebuild started by a taxonomy import or by wear (if any) has been swapped in. */
  settled(): Promise<void>;
  stats(): {
    people: number;
    vacancies: number;
    trainings: number;
    syncs: number;
    applied: number;
    builds: number;
    taxonomyImport: string | null;
    /** Skills left out of the index's records (ids above 65,535; see the matching package). */
    skillsNotIndexed: number;
  };
}

const tables = {
  // A closed case is not matched (see apply.people).
  people: {
    name: 'people',
    active:
      "archived_at is null and merged_into_id is null and coalesce(jsonb_typeof(data->'caseClosure'), 'null') = 'null'",
  },
  vacancies: { name: 'vacancies', active: "archived_at is null and status = 'open'" },
  trainings: { name: 'training_offers', active: "archived_at is null and status = 'open'" },
} as const;
type Table = keyof typeof tables;

const pageSize = 200;

export async function createMatchService(deps: {
  database: Database;
  /** Fixed knowledge (tests); by default it comes from the taxonomy in the database. */
  knowledge?: KnowledgeInput;
  /**
   * How often a sync also looks for rows deleted outright (a count per table; default 10 s).
   * Results are read from the database, so a deleted record never shows in between.
   */
  deletionCheckMs?: number;
  /** Told when a background rebuild fails (the previous index stays in use and the next sync retries). */
  onError?: (error: unknown) => void;
  /**
   * Rebuild in the background once the documents put since the last build exceed this share of
   * those it was built with, and at least `min` of them (default 0.25 and 1,000).
   */
  rebuildAfterChanges?: { share: number; min: number };
}): Promise<MatchService> {
  const { database } = deps;
  const people = createPersonStore(database.db);
  const vacancies = createVacancyStore(database.db);
  const trainings = createTrainingStore(database.db);
  const taxonomy = createTaxonomyStore(database);
  let syncs = 0;
  let applied = 0;
  let builds = 0;
  const deletionCheckMs = deps.deletionCheckMs ?? 10_000;
  const wear = deps.rebuildAfterChanges ?? { share: 0.25, min: 1000 };

  async function latestImport(): Promise<string | null> {
    if (deps.knowledge) return null;
    const [latest] = await taxonomy.listImports(1);
    return latest ? String(latest.id) : null;
  }

  /** The knowledge and the taxonomy import it reflects (read before the concepts, so a later import triggers a rebuild). */
  async function knowledgeInput(): Promise<{ input: KnowledgeInput; importId: string | null }> {
    if (deps.knowledge) return { input: deps.knowledge, importId: null };
    const importId = await latestImport();
    // Nothing imported yet: the starter catalogue, from memory (the service never writes the taxonomy).
    if (importId === null) return { input: knowledgeFromCatalogue(starterCatalogue), importId };
    const input = knowledgeFromTaxonomy(
      await taxonomy.loadSearchableConcepts(),
      await taxonomy.loadRelations(['broader', 'occupation_skill', 'skill_skill']),
    );
    return { input, importId };
  }

  /** The start of the oldest transaction still running (or now): rows changed from then on may not be visible yet. */
  async function safeWatermark(): Promise<string> {
    const [row] = await database.query<{ at: string }>(
      `select to_char(least(now(), coalesce((select min(xact_start) from pg_stat_activity
         where xact_start is not null and datname = current_database()), now()))
         at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
    );
    return row!.at;
  }

  const apply = {
    people(index: MatchIndex, p: Person | null, id: string) {
      // A closed case is not followed any more: nobody is offered as a candidate from it.
      if (!p || p.archivedAt || p.mergedIntoId || p.caseClosure) index.removePerson(id);
      else index.putPerson(personToMatch(p));
    },
    vacancies(index: MatchIndex, v: Vacancy | null, id: string) {
      if (!v || v.archivedAt || v.status !== 'open') index.removeVacancy(id);
      else index.putVacancy(vacancyToMatch(v));
    },
    trainings(index: MatchIndex, t: Training | null, id: string) {
      if (!t || t.archivedAt || t.status !== 'open') index.removeTraining(id);
      else index.putTraining(trainingToMatch(t));
    },
  };

  /** An index, the watermark of its last sync, and the taxonomy import its knowledge reflects. */
  interface State {
    index: MatchIndex;
    watermark: string;
    importId: string | null;
    checkedDeletions: number;
    /** Slots used in all three collections when the build ended (see `worn`). */
    builtSlots: number;
  }
  const slotsOf = (index: MatchIndex) => index.people.slots + index.vacancies.slots + index.trainings.slots;
  /** Whether the documents put since the build exceed `wear` (each took a new slot). */
  const worn = (s: State) => {
    const since = slotsOf(s.index) - s.builtSlots;
    return since >= wear.min && since > wear.share * s.builtSlots;
  };
  /** Every active record, a page at a time, into a fresh index. */
  async function build(): Promise<State> {
    const { input, importId } = await knowledgeInput();
    const watermark = await safeWatermark();
    const index = createMatchIndex({ knowledge: createKnowledge(input) });
    index.beginBulk();
    try {
      const pages = async <T>(
        list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
        put: (r: T) => void,
      ) => {
        let cursor: string | undefined;
        do {
          const page = await list(cursor);
          for (const r of page.items) put(r);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      };
      const query = (cursor: string | undefined) => ({
        limit: pageSize,
        includeArchived: false,
        sort: 'createdAt' as const,
        order: 'asc' as const,
        ...(cursor ? { cursor } : {}),
      });
      await pages(
        (c) => people.list(query(c)),
        (p) => apply.people(index, p, p.id),
      );
      await pages(
        (c) => vacancies.list(query(c)),
        (v) => apply.vacancies(index, v, v.id),
      );
      await pages(
        (c) => trainings.list(query(c)),
        (t) => apply.trainings(index, t, t.id),
      );
    } finally {
      index.endBulk();
    }
    builds++;
    return { index, watermark, importId, checkedDeletions: Date.now(), builtSlots: slotsOf(index) };
  }

  let state = await build();
  let rebuilding: Promise<void> | null = null;
  let running: Promise<void> | null = null;

  async function changedIds(table: Table, since: string) {
    return database.query<{ id: string }>(
      `select id::text as id from ${tables[table].name} where updated_at >= $1::timestamptz order by updated_at`,
      [since],
    );
  }

  /** Removes from the index what was deleted outright (its count then exceeds the database's). */
  async function dropDeleted(index: MatchIndex, table: Table) {
    const collection =
      table === 'people' ? index.people : table === 'vacancies' ? index.vacancies : index.trainings;
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from ${tables[table].name} where ${tables[table].active}`,
    );
    if ((row?.n ?? 0) >= collection.slotOf.size) return;
    const alive = new Set(
      (
        await database.query<{ id: string }>(
          `select id::text as id from ${tables[table].name} where ${tables[table].active}`,
        )
      ).map((r) => r.id),
    );
    for (const id of [...collection.slotOf.keys()]) {
      if (alive.has(id)) continue;
      if (table === 'people') index.removePerson(id);
      else if (table === 'vacancies') index.removeVacancy(id);
      else index.removeTraining(id);
      applied++;
    }
  }

  async function applyChanges(target: { index: MatchIndex; watermark: string; checkedDeletions: number }) {
    const next = await safeWatermark();
    const checkDeletions = Date.now() - target.checkedDeletions >= deletionCheckMs;
    if (checkDeletions) target.checkedDeletions = Date.now();
    const since = target.watermark;
    const loaders = {
      people: (id: string) => people.get(id),
      vacancies: (id: string) => vacancies.get(id),
      trainings: (id: string) => trainings.get(id),
    };
    for (const table of Object.keys(tables) as Table[]) {
      for (const { id } of await changedIds(table, since)) {
        const record = await loaders[table](id);
        (apply[table] as (i: MatchIndex, r: unknown, id: string) => void)(target.index, record, id);
        applied++;
      }
      if (checkDeletions) await dropDeleted(target.index, table);
    }
    target.watermark = next;
  }

  /** Builds a fresh index in the background and swaps it in once it has caught up. */
  function startRebuild(): void {
    rebuilding = build()
      .then(async (fresh) => {
        await applyChanges(fresh);
        state = fresh;
      })
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        rebuilding = null;
      });
  }

  async function doSync(): Promise<void> {
    syncs++;
    const importId = await latestImport();
    if (importId !== state.importId && !rebuilding) startRebuild();
    await applyChanges(state);
    if (worn(state) && !rebuilding) startRebuild();
  }

  const service: MatchService = {
    get index() {
      return state.index;
    },
    sync() {
      // One sync at a time; concurrent callers share it.
      running ??= doSync().finally(() => {
        running = null;
      });
      return running;
    },
    removePerson(id: string) {
      state.index.removePerson(id);
    },
    async settled() {
      await rebuilding;
    },
    stats() {
      const s = state.index.stats();
      return {
        people: s.people,
        vacancies: s.vacancies,
        trainings: s.trainings,
        syncs,
        applied,
        builds,
        taxonomyImport: state.importId,
        skillsNotIndexed: s.skillsNotIndexed,
      };
    },
  };
  return service;
}
