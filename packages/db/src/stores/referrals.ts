import { randomUUID } from 'node:crypto';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  asReferralStatus,
  checkReferralTransition,
  decodeCursor,
  encodeCursor,
  errors,
  followUpDue,
  isFinalReferralStatus,
  referralStatusDates,
  referralStatuses,
  type ChangeMeta,
  type Page,
  type Referral,
  type ReferralHistoryEntry,
  type ReferralListQuery,
  type ReferralStatus,
  type ReferralStore,
  type ReferralTargetKind,
} from '@passerelle/core';
import type { Db } from '../database';
import {
  people,
  referralHistory,
  referrals,
  serviceOffers,
  trainingOffers,
  vacancies,
} from '../schema/records';
import {
  allOf,
  changedFields,
  finishPage,
  isoOf,
  pageClauses,
  requireLivePerson,
  scopeCondition,
  type SortSpec,
} from './record-kit';

type Row = typeof referrals.$inferSelect;

const finalStatuses: ReferralStatus[] = referralStatuses.filter(isFinalReferralStatus);

function targetIdOf(r: Row): string {
  return (r.vacancyId ?? r.trainingId ?? r.serviceId)!;
}

function toReferral(r: Row): Referral {
  return {
    id: r.id,
    personId: r.personId,
    targetKind: r.targetKind as ReferralTargetKind,
    targetId: targetIdOf(r),
    organisationId: r.organisationId,
    status: asReferralStatus(r.status),
    reasonCode: r.reasonCode,
    reason: r.reason,
    motivation: r.motivation,
    notes: r.notes,
    followUpOn: r.followUpOn,
    proposedOn: r.proposedOn,
    sentOn: r.sentOn,
    respondedOn: r.respondedOn,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    createdBy: r.createdBy,
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

function toHistoryEntry(h: typeof referralHistory.$inferSelect): ReferralHistoryEntry {
  return {
    id: h.id,
    referralId: h.referralId,
    action: h.action as ReferralHistoryEntry['action'],
    fromStatus: h.fromStatus as ReferralStatus | null,
    toStatus: h.toStatus as ReferralStatus | null,
    reasonCode: h.reasonCode,
    reason: h.reason,
    on: h.on,
    changedFields: h.changedFields,
    actorId: h.actorId,
    at: isoOf(h.at)!,
  };
}

const targetColumn = { vacancy: 'vacancyId', training: 'trainingId', service: 'serviceId' } as const;

const noFollowUp = '9999-12-31';

const sorts: Record<ReferralListQuery['sort'], SortSpec<Row>> = {
  createdAt: { expr: referrals.createdAt, type: 'timestamptz', value: (r) => r.createdAt },
  updatedAt: { expr: referrals.updatedAt, type: 'timestamptz', value: (r) => r.updatedAt },
  // A referral without a follow-up date sorts as if due at the end of time, so cursors stay strings.
  followUpOn: {
    expr: sql`coalesce(${referrals.followUpOn}, ${noFollowUp}::date)`,
    type: 'date',
    value: (r) => r.followUpOn ?? noFollowUp,
  },
};

/** The referrals store on either database. */
export function createReferralStore(db: Db, options: { newId?: () => string } = {}): ReferralStore {
  const newId = options.newId ?? randomUUID;

  async function current(tx: Db, id: string): Promise<Row> {
    const [row] = await tx.select().from(referrals).where(eq(referrals.id, id));
    if (!row) throw errors.notFound('referral', id);
    return row;
  }
  async function targetOrganisation(tx: Db, kind: ReferralTargetKind, id: string): Promise<string> {
    const table = kind === 'vacancy' ? vacancies : kind === 'training' ? trainingOffers : serviceOffers;
    const orgColumn =
      kind === 'vacancy'
        ? vacancies.employerId
        : kind === 'training'
          ? trainingOffers.providerId
          : serviceOffers.providerId;
    const [row] = await tx
      .select({ org: orgColumn, archivedAt: table.archivedAt })
      .from(table)
      .where(eq(table.id, id));
    if (!row) throw errors.invalidReference([{ path: ['targetId'], entity: kind, id, reason: 'missing' }]);
    if (row.archivedAt)
      throw errors.invalidReference([{ path: ['targetId'], entity: kind, id, reason: 'archived' }]);
    return row.org;
  }
  async function log(tx: Db, e: Omit<typeof referralHistory.$inferInsert, 'id' | 'at'>) {
    await tx.insert(referralHistory).values({ id: newId(), ...e });
  }
  async function guardedSet(
    tx: Db,
    id: string,
    expectedVersion: number,
    set: Partial<typeof referrals.$inferInsert>,
  ): Promise<Row> {
    const [row] = await tx
      .update(referrals)
      .set({ ...set, version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(referrals.id, id), eq(referrals.version, expectedVersion)))
      .returning();
    if (!row) throw errors.versionConflict('referral', id, expectedVersion, expectedVersion + 1);
    return row;
  }
  const checkVersion = (row: Row, expected: number) => {
    if (row.version !== expected) throw errors.versionConflict('referral', row.id, expected, row.version);
  };

  return {
    targetOrganisation: (kind, id) => targetOrganisation(db, kind, id),

    async create(input, id, meta?: ChangeMeta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await requireLivePerson(tx, input.personId);
        const organisationId = await targetOrganisation(tx, input.targetKind, input.targetId);
        const column = referrals[targetColumn[input.targetKind]];
        const [open] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(
            and(
              eq(referrals.personId, input.personId),
              eq(column, input.targetId),
              isNull(referrals.archivedAt),
              notInArray(referrals.status, finalStatuses),
            ),
          )
          .limit(1);
        if (open)
          throw errors.conflict('the person already has an open referral to this target', {
            referralId: open.id,
          });
        const [row] = await tx
          .insert(referrals)
          .values({
            id,
            personId: input.personId,
            targetKind: input.targetKind,
            [targetColumn[input.targetKind]]: input.targetId,
            organisationId,
            status: input.status,
            motivation: input.motivation ?? null,
            notes: input.notes ?? null,
            followUpOn: input.followUpOn ?? null,
            proposedOn: input.on,
            sentOn: input.status === 'sent' ? input.on : null,
            createdBy: meta?.actorId ?? null,
          })
          .returning();
        await log(tx, {
          referralId: id,
          action: 'created',
          toStatus: input.status,
          on: input.on,
          actorId: meta?.actorId ?? null,
        });
        return toReferral(row!);
      });
    },

    async get(id) {
      const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
      return row ? toReferral(row) : null;
    },

    async list(query, scope): Promise<Page<Referral>> {
      const scoped = scopeCondition(scope, {
        organisation: (ids) =>
          sql`exists (select 1 from ${people} where ${people.id} = ${referrals.personId} and ${inArray(people.owningOrganisationId, ids)})`,
        caseManager: (userId) =>
          sql`exists (select 1 from ${people} where ${people.id} = ${referrals.personId} and ${arrayContains(people.caseManagerIds, [userId])})`,
        person: (personId) => eq(referrals.personId, personId),
        recipient: (organisationId) => eq(referrals.organisationId, organisationId),
      });
      if (scoped === 'none') return { items: [], nextCursor: null };
      const spec = sorts[query.sort];
      const page = pageClauses({
        sortName: query.sort,
        order: query.order,
        spec,
        id: referrals.id,
        cursor: query.cursor,
      });
      const where = allOf([
        query.includeArchived ? undefined : isNull(referrals.archivedAt),
        query.personId ? eq(referrals.personId, query.personId) : undefined,
        query.targetKind ? eq(referrals.targetKind, query.targetKind) : undefined,
        query.targetId
          ? or(
              eq(referrals.vacancyId, query.targetId),
              eq(referrals.trainingId, query.targetId),
              eq(referrals.serviceId, query.targetId),
            )
          : undefined,
        query.organisationId ? eq(referrals.organisationId, query.organisationId) : undefined,
        query.status ? eq(referrals.status, query.status) : undefined,
        query.followUpBefore ? lte(referrals.followUpOn, query.followUpBefore) : undefined,
        query.caseManagerId
          ? sql`exists (select 1 from ${people} where ${people.id} = ${referrals.personId} and ${arrayContains(people.caseManagerIds, [query.caseManagerId])})`
          : undefined,
        query.open === undefined
          ? undefined
          : query.open
            ? notInArray(referrals.status, finalStatuses)
            : inArray(referrals.status, finalStatuses),
        scoped,
        page.where,
      ]);
      const rows = await db
        .select()
        .from(referrals)
        .where(where)
        .orderBy(...page.orderBy)
        .limit(query.limit + 1);
      return finishPage(rows, query.limit, page.cursorKey, spec, toReferral);
    },

    async update(id, expectedVersion, input, meta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        checkVersion(before, expectedVersion);
        const next = {
          motivation: input.motivation ?? null,
          notes: input.notes ?? null,
          followUpOn: input.followUpOn ?? null,
        };
        const row = await guardedSet(tx, id, expectedVersion, next);
        await log(tx, {
          referralId: id,
          action: 'updated',
          changedFields: changedFields(
            { motivation: before.motivation, notes: before.notes, followUpOn: before.followUpOn },
            next,
          ),
          actorId: meta?.actorId ?? null,
        });
        return toReferral(row);
      });
    },

    async transition(id, expectedVersion, input, today, meta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        checkVersion(before, expectedVersion);
        if (before.archivedAt)
          throw errors.invalidTransition('referral', id, before.status, input.to, 'archived');
        const from = asReferralStatus(before.status);
        const previousAt =
          [before.proposedOn, before.sentOn, before.respondedOn, before.startedOn, before.endedOn]
            .filter((d): d is string => d !== null)
            .sort()
            .at(-1) ?? null;
        checkReferralTransition(id, {
          from,
          to: input.to,
          reasonCode: input.reasonCode,
          reason: input.reason,
          at: input.on,
          previousAt,
          today,
        });
        const row = await guardedSet(tx, id, expectedVersion, {
          status: input.to,
          [referralStatusDates[input.to]]: input.on,
          // A job taken up: the first follow-up (one month on) is due, unless a date is set already.
          ...(input.to === 'started' && before.targetKind === 'vacancy' && before.followUpOn === null
            ? { followUpOn: followUpDue(input.on, 1) }
            : {}),
          ...(input.reasonCode || input.reason
            ? { reasonCode: input.reasonCode ?? null, reason: input.reason ?? null }
            : {}),
        });
        await log(tx, {
          referralId: id,
          action: 'status_changed',
          fromStatus: from,
          toStatus: input.to,
          reasonCode: input.reasonCode ?? null,
          reason: input.reason ?? null,
          on: input.on,
          actorId: meta?.actorId ?? null,
        });
        return toReferral(row);
      });
    },

    async remove(id, expectedVersion, meta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await current(tx, id);
        checkVersion(before, expectedVersion);
        const [{ n }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(referralHistory)
          .where(eq(referralHistory.referralId, id))) as [{ n: number }];
        if (before.status === 'proposed' && n <= 1 && before.archivedAt === null) {
          await tx.delete(referrals).where(eq(referrals.id, id));
          return { outcome: 'deleted' as const, id };
        }
        const row = await guardedSet(tx, id, expectedVersion, {
          archivedAt: sql`coalesce(${referrals.archivedAt}, now())` as unknown as string,
        });
        await log(tx, { referralId: id, action: 'archived', actorId: meta?.actorId ?? null });
        return { outcome: 'archived' as const, record: toReferral(row) };
      });
    },

    async exportForPerson(personId) {
      const rows = await db
        .select()
        .from(referrals)
        .where(eq(referrals.personId, personId))
        .orderBy(desc(referrals.createdAt));
      if (rows.length === 0) return [];
      const history = await db
        .select()
        .from(referralHistory)
        .where(
          inArray(
            referralHistory.referralId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(referralHistory.at), asc(referralHistory.id));
      return rows.map((r) => ({
        ...toReferral(r),
        history: history.filter((h) => h.referralId === r.id).map(toHistoryEntry),
      }));
    },

    async history(id, query): Promise<Page<ReferralHistoryEntry>> {
      const [exists] = await db.select({ id: referrals.id }).from(referrals).where(eq(referrals.id, id));
      if (!exists) throw errors.notFound('referral', id);
      const conditions: (SQL | undefined)[] = [eq(referralHistory.referralId, id)];
      if (query.cursor) {
        const pos = decodeCursor(query.cursor, 'at');
        if (
          typeof pos.value !== 'number' ||
          !Number.isSafeInteger(pos.value) ||
          !/^[0-9a-f-]{36}$/i.test(pos.id)
        ) {
          throw errors.validation(
            [{ path: ['cursor'], code: 'invalid_cursor', message: 'not a valid cursor' }],
            'query',
          );
        }
        conditions.push(
          sql`((extract(epoch from ${referralHistory.at}) * 1000000)::bigint, ${referralHistory.id}) > (${pos.value}::bigint, ${pos.id}::uuid)`,
        );
      }
      const rows = await db
        .select({
          row: referralHistory,
          micros: sql<number>`(extract(epoch from ${referralHistory.at}) * 1000000)::bigint`,
        })
        .from(referralHistory)
        .where(allOf(conditions))
        .orderBy(asc(referralHistory.at), asc(referralHistory.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(({ row }) => toHistoryEntry(row));
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return {
        items,
        nextCursor: last ? encodeCursor({ sort: 'at', value: Number(last.micros), id: last.row.id }) : null,
      };
    },
  };
}
