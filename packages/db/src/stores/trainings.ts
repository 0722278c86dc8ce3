import { arrayContains, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  errors,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type Page,
  type Training,
  type TrainingInput,
  type TrainingListQuery,
  type TrainingStore,
} from '@passerelle/core';
import type { Db } from '../database';
import { referrals, trainingOffers } from '../schema/records';
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
  upsertBatchByExternalId,
  type Reference,
  scopeCondition,
  type SortSpec,
} from './record-kit';

type Row = typeof trainingOffers.$inferSelect;

const uniq = (xs: (string | null | undefined)[]): string[] => [
  ...new Set(xs.filter((x): x is string => Boolean(x))),
];

/** The columns of a training offer, all derived from its input (kept whole in `data`). */
export function trainingColumns(input: TrainingInput) {
  return {
    externalId: input.externalId ?? null,
    providerId: input.providerId,
    title: input.title,
    searchText: searchTextOf(
      input.title,
      input.occupation?.label,
      input.location.city,
      input.location.region,
    ),
    type: input.type,
    delivery: input.delivery,
    status: input.status,
    skillUris: uniq(input.skillsTaught.map((s) => s.uri)),
    country: input.location.country ?? null,
    region: input.location.region ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    transportSupport: input.support.transport,
    childcareSupport: input.support.childcare,
    // Stored as JSON, where undefined fields vanish: no copy needed.
    data: input,
  };
}

function toTraining(r: Row): Training {
  return {
    ...(r.data as TrainingInput),
    id: r.id,
    externalId: r.externalId,
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

const referencesOf = (
  input: Pick<TrainingInput, 'providerId'>,
  path: (string | number)[] = [],
): Reference[] => [{ path: [...path, 'providerId'], entity: 'organisation', id: input.providerId }];

// Courses without a start date sort last.
const startsOnOrLast = sql`coalesce(${trainingOffers.startsOn}, '9999-12-31'::date)`;
const sorts: Record<TrainingListQuery['sort'], SortSpec<Row>> = {
  title: { expr: trainingOffers.title, type: 'text', value: (r) => r.title },
  startsOn: { expr: startsOnOrLast, type: 'date', value: (r) => r.startsOn ?? '9999-12-31' },
  createdAt: { expr: trainingOffers.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
  updatedAt: { expr: trainingOffers.updatedAt, type: 'timestamptz', value: (r) => r.updatedAt },
};

/** The training offers store on either database. */
export function createTrainingStore(db: Db): TrainingStore {
  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(trainingOffers).where(eq(trainingOffers.id, id));
    if (!row) throw errors.notFound('training', id);
    return row;
  }
  const uniqueGuard = (e: unknown): never => {
    if (isUniqueViolation(e)) throw errors.alreadyExists('training', 'externalId');
    throw e;
  };

  return {
    async create(input, id) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          await checkReferences(tx, referencesOf(input));
          const [row] = await tx
            .insert(trainingOffers)
            .values({ id, ...trainingColumns(input) })
            .returning();
          return toTraining(row!);
        })
        .catch(uniqueGuard);
    },

    async get(id) {
      const [row] = await db.select().from(trainingOffers).where(eq(trainingOffers.id, id));
      return row ? toTraining(row) : null;
    },

    async list(query, scope): Promise<Page<Training>> {
      const scoped = scopeCondition(scope, {
        organisation: (ids) => inArray(trainingOffers.providerId, ids),
        country: (cs) => inArray(trainingOffers.country, cs),
      });
      if (scoped === 'none') return { items: [], nextCursor: null };
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: trainingOffers.id,
        cursor: query.cursor,
      });
      const t = trainingOffers;
      const where = allOf([
        query.includeArchived ? undefined : isNull(t.archivedAt),
        query.q ? searchCondition(t.searchText, query.q) : undefined,
        query.providerId ? eq(t.providerId, query.providerId) : undefined,
        query.type ? eq(t.type, query.type) : undefined,
        query.delivery ? eq(t.delivery, query.delivery) : undefined,
        query.country ? eq(t.country, query.country) : undefined,
        query.region ? sql`lower(${t.region}) = lower(${query.region})` : undefined,
        query.status ? eq(t.status, query.status) : undefined,
        query.skillUri ? arrayContains(t.skillUris, [query.skillUri]) : undefined,
        query.startsFrom ? gte(t.startsOn, query.startsFrom) : undefined,
        query.startsUntil ? lte(t.startsOn, query.startsUntil) : undefined,
        query.childcareSupport !== undefined ? eq(t.childcareSupport, query.childcareSupport) : undefined,
        query.transportSupport !== undefined ? eq(t.transportSupport, query.transportSupport) : undefined,
        query.externalId ? eq(t.externalId, query.externalId) : undefined,
        scoped,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(t)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      return finishPage(rows, query.limit, page.cursorKey, spec, toTraining);
    },

    async update(id, expectedVersion, input) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          const before = await current(tx, id);
          if (before.version !== expectedVersion)
            throw errors.versionConflict('training', id, expectedVersion, before.version);
          await checkReferences(tx, referencesOf(input), referencesOf(before));
          const [row] = await tx
            .update(trainingOffers)
            .set({
              ...trainingColumns(input),
              version: sql`${trainingOffers.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(sql`${trainingOffers.id} = ${id} and ${trainingOffers.version} = ${expectedVersion}`)
            .returning();
          if (!row) throw errors.versionConflict('training', id, expectedVersion, expectedVersion + 1);
          return toTraining(row);
        })
        .catch(uniqueGuard);
    },

    async remove(id, expectedVersion) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('training', id, expectedVersion, before.version);
        const [used] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(eq(referrals.trainingId, id))
          .limit(1);
        if (used) {
          const [row] = await tx
            .update(trainingOffers)
            .set({
              archivedAt: sql`coalesce(${trainingOffers.archivedAt}, now())`,
              version: sql`${trainingOffers.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(trainingOffers.id, id))
            .returning();
          return { outcome: 'archived' as const, record: toTraining(row!) };
        }
        await tx.delete(trainingOffers).where(eq(trainingOffers.id, id));
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
            // An existing offer may keep its archived provider.
            async () => {
              const externalIds = batch.map((r) => r.externalId);
              const held = await tx
                .select({ externalId: trainingOffers.externalId, providerId: trainingOffers.providerId })
                .from(trainingOffers)
                .where(inArray(trainingOffers.externalId, externalIds));
              return held.map((h) => ({
                path: [offset + externalIds.indexOf(h.externalId!)],
                entity: 'organisation' as const,
                id: h.providerId,
              }));
            },
          );
          const written = await upsertBatchByExternalId(
            tx,
            { table: trainingOffers, name: 'training_offers' },
            batch.map((r) => ({ id: options.newId(), externalId: r.externalId, values: trainingColumns(r) })),
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
