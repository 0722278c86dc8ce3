import { eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  errors,
  type Page,
  type Service,
  type ServiceInput,
  type ServiceListQuery,
  type ServiceStore,
} from '@passerelle/core';
import type { Db } from '../database';
import { referrals, serviceOffers } from '../schema/records';
import { isUniqueViolation } from './organisations';
import {
  allOf,
  checkReferences,
  finishPage,
  isoOf,
  jsonClean,
  pageClauses,
  searchCondition,
  searchTextOf,
  type Reference,
  scopeCondition,
  type SortSpec,
} from './record-kit';

type Row = typeof serviceOffers.$inferSelect;

/** The columns of a service offer, all derived from its input (kept whole in `data`). */
export function serviceColumns(input: ServiceInput) {
  return {
    externalId: input.externalId ?? null,
    providerId: input.providerId,
    title: input.title,
    searchText: searchTextOf(input.title, input.location.city, input.location.region, ...input.areasServed),
    category: input.category,
    dimension: input.dimension ?? null,
    country: input.location.country ?? null,
    region: input.location.region ?? null,
    data: jsonClean(input),
  };
}

function toService(r: Row): Service {
  return {
    ...(r.data as ServiceInput),
    id: r.id,
    externalId: r.externalId,
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

const referencesOf = (input: Pick<ServiceInput, 'providerId'>): Reference[] => [
  { path: ['providerId'], entity: 'organisation', id: input.providerId },
];

const sorts: Record<ServiceListQuery['sort'], SortSpec<Row>> = {
  title: { expr: serviceOffers.title, type: 'text', value: (r) => r.title },
  createdAt: { expr: serviceOffers.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
  updatedAt: { expr: serviceOffers.updatedAt, type: 'timestamptz', value: (r) => r.updatedAt },
};

/** The service offers store on either database. */
export function createServiceStore(db: Db): ServiceStore {
  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(serviceOffers).where(eq(serviceOffers.id, id));
    if (!row) throw errors.notFound('service', id);
    return row;
  }
  const uniqueGuard = (e: unknown): never => {
    if (isUniqueViolation(e)) throw errors.alreadyExists('service', 'externalId');
    throw e;
  };

  return {
    async create(input, id) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          await checkReferences(tx, referencesOf(input));
          const [row] = await tx
            .insert(serviceOffers)
            .values({ id, ...serviceColumns(input) })
            .returning();
          return toService(row!);
        })
        .catch(uniqueGuard);
    },

    async get(id) {
      const [row] = await db.select().from(serviceOffers).where(eq(serviceOffers.id, id));
      return row ? toService(row) : null;
    },

    async list(query, scope): Promise<Page<Service>> {
      const scoped = scopeCondition(scope, {
        organisation: (ids) => inArray(serviceOffers.providerId, ids),
        country: (cs) => inArray(serviceOffers.country, cs),
      });
      if (scoped === 'none') return { items: [], nextCursor: null };
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: serviceOffers.id,
        cursor: query.cursor,
      });
      const s = serviceOffers;
      const where = allOf([
        query.includeArchived ? undefined : isNull(s.archivedAt),
        query.q ? searchCondition(s.searchText, query.q) : undefined,
        query.providerId ? eq(s.providerId, query.providerId) : undefined,
        query.category ? eq(s.category, query.category) : undefined,
        query.dimension ? eq(s.dimension, query.dimension) : undefined,
        query.country ? eq(s.country, query.country) : undefined,
        query.region ? sql`lower(${s.region}) = lower(${query.region})` : undefined,
        query.externalId ? eq(s.externalId, query.externalId) : undefined,
        scoped,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(s)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      return finishPage(rows, query.limit, page.cursorKey, spec, toService);
    },

    async update(id, expectedVersion, input) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          const before = await current(tx, id);
          if (before.version !== expectedVersion)
            throw errors.versionConflict('service', id, expectedVersion, before.version);
          await checkReferences(tx, referencesOf(input), referencesOf(before));
          const [row] = await tx
            .update(serviceOffers)
            .set({
              ...serviceColumns(input),
              version: sql`${serviceOffers.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(sql`${serviceOffers.id} = ${id} and ${serviceOffers.version} = ${expectedVersion}`)
            .returning();
          if (!row) throw errors.versionConflict('service', id, expectedVersion, expectedVersion + 1);
          return toService(row);
        })
        .catch(uniqueGuard);
    },

    async remove(id, expectedVersion) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('service', id, expectedVersion, before.version);
        const [used] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(eq(referrals.serviceId, id))
          .limit(1);
        if (used) {
          const [row] = await tx
            .update(serviceOffers)
            .set({
              archivedAt: sql`coalesce(${serviceOffers.archivedAt}, now())`,
              version: sql`${serviceOffers.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(serviceOffers.id, id))
            .returning();
          return { outcome: 'archived' as const, record: toService(row!) };
        }
        await tx.delete(serviceOffers).where(eq(serviceOffers.id, id));
        return { outcome: 'deleted' as const, id };
      });
    },
  };
}
