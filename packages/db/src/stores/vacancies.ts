import { arrayContains, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  errors,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type Page,
  type Vacancy,
  type VacancyInput,
  type VacancyListQuery,
  type VacancyStore,
} from '@passerelle/core';
import type { Db } from '../database';
import { referrals, vacancies } from '../schema/records';
import { isUniqueViolation } from './organisations';
import {
  allOf,
  assertDistinctExternalIds,
  checkReferences,
  chunks,
  finishPage,
  inTransaction,
  isoOf,
  pageClauses,
  searchCondition,
  searchTextOf,
  type Reference,
  scopeCondition,
  type SortSpec,
  upsertBatchByExternalId,
} from './record-kit';

type Row = typeof vacancies.$inferSelect;

const uniq = (xs: (string | null | undefined)[]): string[] => [
  ...new Set(xs.filter((x): x is string => Boolean(x))),
];

/** The columns of a vacancy, all derived from its input (kept whole in `data`). */
export function vacancyColumns(input: VacancyInput) {
  return {
    externalId: input.externalId ?? null,
    employerId: input.employerId,
    title: input.title,
    searchText: searchTextOf(
      input.title,
      input.occupation?.label,
      input.location.city,
      input.location.region,
    ),
    status: input.status,
    occupationUri: input.occupation?.uri ?? null,
    iscoCode: input.occupation?.iscoCode ?? null,
    skillUris: uniq([...input.essentialSkills, ...input.optionalSkills].map((s) => s.uri)),
    country: input.location.country ?? null,
    region: input.location.region ?? null,
    lat: input.location.coordinates?.lat ?? null,
    lon: input.location.coordinates?.lon ?? null,
    atHomePossible: input.atHomePossible,
    apprenticeship: input.apprenticeship,
    internship: input.internship,
    applyBy: input.applyBy ?? null,
    startsOn: input.startsOn ?? null,
    // Stored as JSON, where undefined fields vanish: no copy needed.
    data: input,
  };
}

function toVacancy(r: Row): Vacancy {
  return {
    ...(r.data as VacancyInput),
    id: r.id,
    externalId: r.externalId,
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

const referencesOf = (
  input: Pick<VacancyInput, 'employerId'>,
  path: (string | number)[] = [],
): Reference[] => [{ path: [...path, 'employerId'], entity: 'organisation', id: input.employerId }];

const sorts: Record<VacancyListQuery['sort'], SortSpec<Row>> = {
  title: { expr: vacancies.title, type: 'text', value: (r) => r.title },
  createdAt: { expr: vacancies.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
  updatedAt: { expr: vacancies.updatedAt, type: 'timestamptz', value: (r) => r.updatedAt },
};

/** The vacancies store on either database. */
export function createVacancyStore(db: Db): VacancyStore {
  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(vacancies).where(eq(vacancies.id, id));
    if (!row) throw errors.notFound('vacancy', id);
    return row;
  }
  const uniqueGuard = (e: unknown): never => {
    if (isUniqueViolation(e)) throw errors.alreadyExists('vacancy', 'externalId');
    throw e;
  };

  return {
    async create(input, id) {
      return db
        .transaction(async (tx) => {
          await checkReferences(tx as unknown as Db, referencesOf(input));
          const [row] = await tx
            .insert(vacancies)
            .values({ id, ...vacancyColumns(input) })
            .returning();
          return toVacancy(row!);
        })
        .catch(uniqueGuard);
    },

    async get(id) {
      const [row] = await db.select().from(vacancies).where(eq(vacancies.id, id));
      return row ? toVacancy(row) : null;
    },

    async list(query, scope): Promise<Page<Vacancy>> {
      const scoped = scopeCondition(scope, {
        organisation: (ids) => inArray(vacancies.employerId, ids),
        country: (cs) => inArray(vacancies.country, cs),
      });
      if (scoped === 'none') return { items: [], nextCursor: null };
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: vacancies.id,
        cursor: query.cursor,
      });
      const where = allOf([
        query.includeArchived ? undefined : isNull(vacancies.archivedAt),
        query.q ? searchCondition(vacancies.searchText, query.q) : undefined,
        query.employerId ? eq(vacancies.employerId, query.employerId) : undefined,
        query.country ? eq(vacancies.country, query.country) : undefined,
        query.region ? sql`lower(${vacancies.region}) = lower(${query.region})` : undefined,
        query.status ? eq(vacancies.status, query.status) : undefined,
        query.occupationUri ? eq(vacancies.occupationUri, query.occupationUri) : undefined,
        query.iscoCode ? sql`${vacancies.iscoCode} like ${`${query.iscoCode}%`}` : undefined,
        query.skillUri ? arrayContains(vacancies.skillUris, [query.skillUri]) : undefined,
        query.atHomePossible !== undefined ? eq(vacancies.atHomePossible, query.atHomePossible) : undefined,
        query.apprenticeship !== undefined ? eq(vacancies.apprenticeship, query.apprenticeship) : undefined,
        query.internship !== undefined ? eq(vacancies.internship, query.internship) : undefined,
        query.externalId ? eq(vacancies.externalId, query.externalId) : undefined,
        scoped,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(vacancies)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      return finishPage(rows, query.limit, page.cursorKey, spec, toVacancy);
    },

    async update(id, expectedVersion, input) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          const before = await current(tx, id);
          if (before.version !== expectedVersion)
            throw errors.versionConflict('vacancy', id, expectedVersion, before.version);
          await checkReferences(tx, referencesOf(input), referencesOf(before));
          const [row] = await tx
            .update(vacancies)
            .set({ ...vacancyColumns(input), version: sql`${vacancies.version} + 1`, updatedAt: sql`now()` })
            .where(sql`${vacancies.id} = ${id} and ${vacancies.version} = ${expectedVersion}`)
            .returning();
          if (!row) throw errors.versionConflict('vacancy', id, expectedVersion, expectedVersion + 1);
          return toVacancy(row);
        })
        .catch(uniqueGuard);
    },

    async remove(id, expectedVersion) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('vacancy', id, expectedVersion, before.version);
        const [used] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(eq(referrals.vacancyId, id))
          .limit(1);
        if (used) {
          const [row] = await tx
            .update(vacancies)
            .set({
              archivedAt: sql`coalesce(${vacancies.archivedAt}, now())`,
              version: sql`${vacancies.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(vacancies.id, id))
            .returning();
          return { outcome: 'archived' as const, record: toVacancy(row!) };
        }
        await tx.delete(vacancies).where(eq(vacancies.id, id));
        return { outcome: 'deleted' as const, id };
      });
    },

    async upsertByExternalId(rows, options: BulkUpsertOptions): Promise<BulkUpsertResult> {
      assertDistinctExternalIds(rows);
      return inTransaction(db, options.dryRun ?? false, async (tx) => {
        const outcomes: BulkUpsertResult['outcomes'] = [];
        for (const [batchIndex, batch] of chunks(rows, 2000).entries()) {
          const offset = batchIndex * 2000;
          await checkReferences(
            tx,
            batch.flatMap((r, i) => referencesOf(r, [offset + i])),
            // An existing vacancy may keep its archived employer.
            () =>
              existingReferences(
                tx,
                batch.map((r) => r.externalId),
                offset,
              ),
          );
          const written = await upsertBatchByExternalId(
            tx,
            { table: vacancies, name: 'vacancies' },
            batch.map((r) => ({ id: options.newId(), externalId: r.externalId, values: vacancyColumns(r) })),
          );
          for (const r of batch) outcomes.push({ externalId: r.externalId, ...written.get(r.externalId)! });
        }
        return {
          outcomes,
          created: outcomes.filter((o) => o.outcome === 'created').length,
          updated: outcomes.filter((o) => o.outcome === 'updated').length,
          unchanged: outcomes.filter((o) => o.outcome === 'unchanged').length,
          dryRun: options.dryRun ?? false,
        };
      });
    },
  };
}

/** The employers the existing vacancies of a batch already point to, with the row numbers of the batch. */
async function existingReferences(tx: Db, externalIds: string[], offset: number): Promise<Reference[]> {
  const rows = await tx
    .select({ externalId: vacancies.externalId, employerId: vacancies.employerId })
    .from(vacancies)
    .where(inArray(vacancies.externalId, externalIds));
  const position = new Map(externalIds.map((e, i) => [e, offset + i]));
  return rows.map((r) => ({
    path: [position.get(r.externalId!)!],
    entity: 'organisation' as const,
    id: r.employerId,
  }));
}
