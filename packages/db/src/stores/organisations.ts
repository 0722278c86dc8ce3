import { and, asc, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  decodeCursor,
  encodeCursor,
  errors,
  type Organisation,
  type OrganisationInput,
  type OrganisationListQuery,
  type OrganisationStore,
  type Page,
} from '@passerelle/core';
import type { Db } from '../database';
import { organisations } from '../schema/organisations';

type Row = typeof organisations.$inferSelect;

function toOrganisation(r: Row): Organisation {
  return {
    id: r.id,
    kind: r.kind as Organisation['kind'],
    name: r.name,
    country: r.country,
    externalId: r.externalId,
    data: (r.data ?? {}) as Record<string, unknown>,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    archivedAt: r.archivedAt ? new Date(r.archivedAt).toISOString() : null,
  };
}

/** Unique-violation of PostgreSQL (both drivers report the SQLSTATE in `code`, maybe under `cause`). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** The organisations store on either database. */
export function createOrganisationStore(db: Db): OrganisationStore {
  async function mustGet(id: string): Promise<Row> {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    if (!row) throw errors.notFound('organisation', id);
    return row;
  }
  async function guardedUpdate(
    id: string,
    expectedVersion: number,
    set: Partial<typeof organisations.$inferInsert>,
  ) {
    const [row] = await db
      .update(organisations)
      .set({ ...set, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
      .returning();
    if (row) return toOrganisation(row);
    const current = await mustGet(id);
    throw errors.versionConflict('organisation', id, expectedVersion, current.version);
  }
  return {
    async create(input: OrganisationInput, id: string) {
      try {
        const [row] = await db
          .insert(organisations)
          .values({
            id,
            kind: input.kind,
            name: input.name,
            country: input.country ?? null,
            externalId: input.externalId ?? null,
            data: input.data,
          })
          .returning();
        return toOrganisation(row!);
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.alreadyExists('organisation', 'externalId');
        throw e;
      }
    },
    async get(id: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toOrganisation(row) : null;
    },
    async list(query: OrganisationListQuery): Promise<Page<Organisation>> {
      const where: (SQL | undefined)[] = [];
      if (!query.includeArchived) where.push(isNull(organisations.archivedAt));
      if (query.kind) where.push(eq(organisations.kind, query.kind));
      if (query.country) where.push(eq(organisations.country, query.country));
      if (query.q) where.push(ilike(organisations.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      const sortColumn = query.sort === 'name' ? organisations.name : organisations.createdAt;
      if (query.cursor) {
        const pos = decodeCursor(query.cursor, query.sort);
        const value = String(pos.value ?? '');
        where.push(or(gt(sortColumn, value), and(eq(sortColumn, value), gt(organisations.id, pos.id))));
      }
      const rows = await db
        .select()
        .from(organisations)
        .where(and(...where))
        .orderBy(asc(sortColumn), asc(organisations.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(toOrganisation);
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return {
        items,
        nextCursor: last
          ? encodeCursor({
              sort: query.sort,
              value: query.sort === 'name' ? last.name : last.createdAt,
              id: last.id,
            })
          : null,
      };
    },
    async update(id: string, expectedVersion: number, input: OrganisationInput) {
      try {
        return await guardedUpdate(id, expectedVersion, {
          kind: input.kind,
          name: input.name,
          country: input.country ?? null,
          externalId: input.externalId ?? null,
          data: input.data,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.alreadyExists('organisation', 'externalId');
        throw e;
      }
    },
    async archive(id: string, expectedVersion: number) {
      return guardedUpdate(id, expectedVersion, { archivedAt: sql`now()` as unknown as string });
    },
  };
}
