import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  errors,
  followUpOnAfterContact,
  type ChangeMeta,
  type FollowUp,
  type FollowUpFields,
  type FollowUpListQuery,
  type FollowUpStore,
  type Page,
} from '@passerelle/core';
import type { Db } from '../database';
import { followUps, referralHistory, referrals } from '../schema/records';
import { allOf, finishPage, isoOf, pageClauses, requireLivePerson, type SortSpec } from './record-kit';

type Row = typeof followUps.$inferSelect;

function toFollowUp(r: Row): FollowUp {
  return {
    id: r.id,
    personId: r.personId,
    referralId: r.referralId,
    months: r.months as FollowUp['months'],
    on: r.on,
    channel: r.channel as FollowUp['channel'],
    reached: r.reached,
    employed: r.employed as FollowUp['employed'],
    sameJob: r.sameJob,
    monthlyWage: r.monthlyWage,
    currency: r.currency,
    contract: r.contract as FollowUp['contract'],
    satisfaction: r.satisfaction,
    leftReason: r.leftReason as FollowUp['leftReason'],
    notes: r.notes,
    createdBy: r.createdBy,
    version: r.version,
    createdAt: isoOf(r.createdAt)!,
    updatedAt: isoOf(r.updatedAt)!,
    archivedAt: isoOf(r.archivedAt),
  };
}

/** The stored columns of the recorded fields (empty optional answers become null). */
function columnsOf(input: FollowUpFields) {
  return {
    referralId: input.referralId ?? null,
    months: input.months ?? null,
    on: input.on,
    channel: input.channel,
    reached: input.reached,
    employed: input.employed ?? null,
    sameJob: input.sameJob ?? null,
    monthlyWage: input.monthlyWage ?? null,
    currency: input.currency ?? null,
    contract: input.contract ?? null,
    satisfaction: input.satisfaction ?? null,
    leftReason: input.leftReason ?? null,
    notes: input.notes?.trim() ? input.notes.trim() : null,
  };
}

/** Newest contact first. */
const byOn: SortSpec<Row> = { expr: followUps.on, type: 'date', value: (r) => r.on };

/** The follow-ups store on either database. */
export function createFollowUpStore(db: Db): FollowUpStore {
  /** The referral must exist and be the same person's. */
  async function checkReferral(tx: Db, personId: string, referralId: string | null | undefined) {
    if (!referralId) return;
    const [referral] = await tx
      .select({ personId: referrals.personId })
      .from(referrals)
      .where(eq(referrals.id, referralId));
    if (!referral)
      throw errors.invalidReference([
        { path: ['referralId'], entity: 'referral', id: referralId, reason: 'missing' },
      ]);
    if (referral.personId !== personId)
      throw errors.validation([
        {
          path: ['referralId'],
          code: 'referral_of_another_person',
          message: 'must be a referral of the same person',
        },
      ]);
  }

  /**
   * After a follow-up of a placement at a month point, its referral's follow-up date moves to the
   * next point's due date (core's `followUpOnAfterContact`), in the same transaction, with a
   * version and a history entry as any change of the referral.
   */
  async function moveReminder(tx: Db, referralId: string, on: string, actorId: string | null) {
    const [referral] = await tx
      .select({ startedOn: referrals.startedOn, followUpOn: referrals.followUpOn })
      .from(referrals)
      .where(eq(referrals.id, referralId));
    if (!referral) return;
    const recorded = await tx
      .select({ months: followUps.months })
      .from(followUps)
      .where(
        and(eq(followUps.referralId, referralId), eq(followUps.reached, true), isNull(followUps.archivedAt)),
      );
    const next = followUpOnAfterContact(
      referral.startedOn,
      referral.followUpOn,
      on,
      recorded.map((r) => r.months),
    );
    if (next === undefined || next === referral.followUpOn) return;
    await tx
      .update(referrals)
      .set({ followUpOn: next, version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
      .where(eq(referrals.id, referralId));
    await tx
      .insert(referralHistory)
      .values({ id: randomUUID(), referralId, action: 'updated', changedFields: ['followUpOn'], actorId });
  }

  async function list(condition: ReturnType<typeof eq>, query: FollowUpListQuery): Promise<Page<FollowUp>> {
    const page = pageClauses({
      sortName: 'on',
      order: 'desc',
      spec: byOn,
      id: followUps.id,
      cursor: query.cursor,
    });
    const rows = await db
      .select()
      .from(followUps)
      .where(
        allOf([
          condition,
          query.referralId ? eq(followUps.referralId, query.referralId) : undefined,
          page.where,
        ]),
      )
      .orderBy(...page.orderBy)
      .limit(query.limit + 1);
    return finishPage(rows, query.limit, page.cursorKey, byOn, toFollowUp);
  }

  return {
    async create(input, id, meta?: ChangeMeta) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await requireLivePerson(tx, input.personId);
        await checkReferral(tx, input.personId, input.referralId);
        const [row] = await tx
          .insert(followUps)
          .values({ id, personId: input.personId, ...columnsOf(input), createdBy: meta?.actorId ?? null })
          .returning();
        // A missed call leaves the point due: only a contact that reached the person moves it on.
        if (input.referralId && input.months != null && input.reached)
          await moveReminder(tx, input.referralId, input.on, meta?.actorId ?? null);
        return toFollowUp(row!);
      });
    },

    async get(id) {
      const [row] = await db.select().from(followUps).where(eq(followUps.id, id));
      return row ? toFollowUp(row) : null;
    },

    listByPerson: (personId, query) => list(eq(followUps.personId, personId), query),

    listByReferral: (referralId, query) => list(eq(followUps.referralId, referralId), query),

    async update(id, expectedVersion, input) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [before] = await tx.select().from(followUps).where(eq(followUps.id, id));
        if (!before) throw errors.notFound('follow_up', id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('follow_up', id, expectedVersion, before.version);
        await checkReferral(tx, before.personId, input.referralId);
        const [row] = await tx
          .update(followUps)
          .set({ ...columnsOf(input), version: sql`${followUps.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(followUps.id, id), eq(followUps.version, expectedVersion)))
          .returning();
        if (!row) throw errors.versionConflict('follow_up', id, expectedVersion, expectedVersion + 1);
        return toFollowUp(row);
      });
    },

    async remove(id, expectedVersion) {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [before] = await tx.select().from(followUps).where(eq(followUps.id, id));
        if (!before) throw errors.notFound('follow_up', id);
        if (before.version !== expectedVersion)
          throw errors.versionConflict('follow_up', id, expectedVersion, before.version);
        await tx.delete(followUps).where(eq(followUps.id, id));
        return { outcome: 'deleted' as const, id };
      });
    },

    async exportForPerson(personId) {
      const rows = await db
        .select()
        .from(followUps)
        .where(eq(followUps.personId, personId))
        .orderBy(desc(followUps.on), desc(followUps.id));
      return rows.map(toFollowUp);
    },
  };
}
