import { asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  errors,
  type EventInput,
  type EventListQuery,
  type EventRecord,
  type EventStore,
  type Page,
} from '@passerelle/core';
import type { Db } from '../database';
import { eventOrganisations, eventPeople, events } from '../schema/records';
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
  type SortSpec,
} from './record-kit';

type Row = typeof events.$inferSelect;
type Attendance = Pick<EventInput, 'organisations' | 'people'>;

/** The columns of an event; the attendance lists go to their own tables. */
export function eventColumns(input: EventInput) {
  const { organisations: _o, people: _p, ...rest } = input;
  return {
    externalId: input.externalId ?? null,
    type: input.type,
    title: input.title,
    searchText: searchTextOf(input.title, input.location.city, input.location.region),
    organiserId: input.organiserId ?? null,
    startsAt: new Date(input.startsAt).toISOString(),
    country: input.location.country ?? null,
    data: jsonClean(rest),
  };
}

function referencesOf(input: Pick<EventInput, 'organiserId'> & Attendance): Reference[] {
  return [
    ...(input.organiserId
      ? [{ path: ['organiserId'], entity: 'organisation' as const, id: input.organiserId }]
      : []),
    ...input.organisations.map((o, i) => ({
      path: ['organisations', i, 'organisationId'],
      entity: 'organisation' as const,
      id: o.organisationId,
    })),
    ...input.people.map((p, i) => ({
      path: ['people', i, 'personId'],
      entity: 'person' as const,
      id: p.personId,
    })),
  ];
}

const sorts: Record<EventListQuery['sort'], SortSpec<Row>> = {
  startsAt: { expr: events.startsAt, type: 'timestamptz', value: (r) => r.startsAt },
  title: { expr: events.title, type: 'text', value: (r) => r.title },
  createdAt: { expr: events.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
};

/** The events store on either database (attendance in event_organisations and event_people). */
export function createEventStore(db: Db): EventStore {
  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(events).where(eq(events.id, id));
    if (!row) throw errors.notFound('event', id);
    return row;
  }
  async function attendance(tx: Db, ids: string[]): Promise<Map<string, Attendance>> {
    const out = new Map<string, Attendance>(ids.map((id) => [id, { organisations: [], people: [] }]));
    if (ids.length === 0) return out;
    const orgs = await tx
      .select()
      .from(eventOrganisations)
      .where(inArray(eventOrganisations.eventId, ids))
      .orderBy(asc(eventOrganisations.position));
    for (const o of orgs) {
      out.get(o.eventId)!.organisations.push({
        organisationId: o.organisationId,
        role: o.role as EventInput['organisations'][number]['role'],
      });
    }
    const ppl = await tx
      .select()
      .from(eventPeople)
      .where(inArray(eventPeople.eventId, ids))
      .orderBy(asc(eventPeople.position));
    for (const p of ppl)
      out
        .get(p.eventId)!
        .people.push({ personId: p.personId, status: p.status as EventInput['people'][number]['status'] });
    return out;
  }
  async function writeAttendance(tx: Db, id: string, input: Attendance) {
    await tx.delete(eventOrganisations).where(eq(eventOrganisations.eventId, id));
    await tx.delete(eventPeople).where(eq(eventPeople.eventId, id));
    if (input.organisations.length) {
      await tx.insert(eventOrganisations).values(
        input.organisations.map((o, position) => ({
          eventId: id,
          organisationId: o.organisationId,
          role: o.role,
          position,
        })),
      );
    }
    for (let i = 0; i < input.people.length; i += 1000) {
      await tx
        .insert(eventPeople)
        .values(
          input.people
            .slice(i, i + 1000)
            .map((p, j) => ({ eventId: id, personId: p.personId, status: p.status, position: i + j })),
        );
    }
  }
  function toEvent(r: Row, a: Attendance | undefined): EventRecord {
    return {
      ...(r.data as Omit<EventInput, 'organisations' | 'people'>),
      organisations: a?.organisations ?? [],
      people: a?.people ?? [],
      id: r.id,
      externalId: r.externalId,
      startsAt: isoOf(r.startsAt)!,
      version: r.version,
      createdAt: isoOf(r.createdAt)!,
      updatedAt: isoOf(r.updatedAt)!,
      archivedAt: isoOf(r.archivedAt),
    };
  }
  const uniqueGuard = (e: unknown): never => {
    if (isUniqueViolation(e)) throw errors.alreadyExists('event', 'externalId');
    throw e;
  };

  return {
    async create(input, id) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          await checkReferences(tx, referencesOf(input));
          const [row] = await tx
            .insert(events)
            .values({ id, ...eventColumns(input) })
            .returning();
          await writeAttendance(tx, id, input);
          return toEvent(row!, input);
        })
        .catch(uniqueGuard);
    },

    async get(id) {
      const [row] = await db.select().from(events).where(eq(events.id, id));
      if (!row) return null;
      return toEvent(row, (await attendance(db, [id])).get(id));
    },

    async list(query): Promise<Page<EventRecord>> {
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: events.id,
        cursor: query.cursor,
      });
      const e = events;
      const where = allOf([
        query.includeArchived ? undefined : isNull(e.archivedAt),
        query.q ? searchCondition(e.searchText, query.q) : undefined,
        query.type ? eq(e.type, query.type) : undefined,
        query.country ? eq(e.country, query.country) : undefined,
        query.organiserId ? eq(e.organiserId, query.organiserId) : undefined,
        query.organisationId
          ? sql`exists (select 1 from ${eventOrganisations} where ${eventOrganisations.eventId} = ${e.id} and ${eventOrganisations.organisationId} = ${query.organisationId})`
          : undefined,
        query.personId
          ? sql`exists (select 1 from ${eventPeople} where ${eventPeople.eventId} = ${e.id} and ${eventPeople.personId} = ${query.personId})`
          : undefined,
        query.from ? gte(e.startsAt, query.from) : undefined,
        query.until ? lt(e.startsAt, sql`(${query.until}::date + 1)`) : undefined,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(e)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      const a = await attendance(
        db,
        rows.slice(0, query.limit).map((r) => r.id),
      );
      return finishPage(rows, query.limit, page.cursorKey, spec, (r) => toEvent(r, a.get(r.id)));
    },

    async update(id, expectedVersion, input) {
      return db
        .transaction(async (t) => {
          const tx = t as unknown as Db;
          const before = await current(tx, id);
          if (before.version !== expectedVersion)
            throw errors.versionConflict('event', id, expectedVersion, before.version);
          const had = (await attendance(tx, [id])).get(id)!;
          await checkReferences(
            tx,
            referencesOf(input),
            referencesOf({ organiserId: before.organiserId, ...had }),
          );
          const [row] = await tx
            .update(events)
            .set({ ...eventColumns(input), version: sql`${events.version} + 1`, updatedAt: sql`now()` })
            .where(sql`${events.id} = ${id} and ${events.version} = ${expectedVersion}`)
            .returning();
          if (!row) throw errors.versionConflict('event', id, expectedVersion, expectedVersion + 1);
          await writeAttendance(tx, id, input);
          return toEvent(row, input);
        })
        .catch(uniqueGuard);
    },

    async remove(id, expectedVersion) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('event', id, expectedVersion, before.version);
        const [attended] = await tx
          .select({ id: eventPeople.personId })
          .from(eventPeople)
          .where(eq(eventPeople.eventId, id))
          .limit(1);
        if (attended) {
          // People took part: the event is part of their story (and of the reports), so it stays, archived.
          const [row] = await tx
            .update(events)
            .set({
              archivedAt: sql`coalesce(${events.archivedAt}, now())`,
              version: sql`${events.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(events.id, id))
            .returning();
          return {
            outcome: 'archived' as const,
            record: toEvent(row!, (await attendance(tx, [id])).get(id)),
          };
        }
        await tx.delete(events).where(eq(events.id, id));
        return { outcome: 'deleted' as const, id };
      });
    },
  };
}
