import { and, desc, eq, isNull } from 'drizzle-orm';
import { errors, type ConsentInput, type ConsentRecord } from '@passerelle/core';
import type { Db } from '../database';
import { consents } from '../schema/trust';

type Row = typeof consents.$inferSelect;
const iso = (v: string | null): string | null => (v === null ? null : new Date(v).toISOString());

function toConsent(r: Row): ConsentRecord {
  return {
    id: r.id,
    personId: r.personId,
    purpose: r.purpose as ConsentRecord['purpose'],
    recipientOrganisationId: r.recipientOrganisationId,
    recipientCategory: r.recipientCategory,
    fields: (r.fields as string[] | null) ?? null,
    method: r.method as ConsentRecord['method'],
    witness: r.witness,
    note: r.note,
    startsAt: iso(r.startsAt)!,
    expiresAt: iso(r.expiresAt),
    withdrawnAt: iso(r.withdrawnAt),
    withdrawnBy: r.withdrawnBy,
    withdrawalReason: r.withdrawalReason,
    recordedBy: r.recordedBy,
    createdAt: iso(r.createdAt)!,
  };
}

/** The consent ledger. Entries are only ever added, withdrawn (once) or erased with their person. */
export function createConsentStore(db: Db) {
  return {
    async record(
      input: ConsentInput & { id: string; personId: string; recordedBy: string | null; now: Date },
    ): Promise<ConsentRecord> {
      const [row] = await db
        .insert(consents)
        .values({
          id: input.id,
          personId: input.personId,
          purpose: input.purpose,
          recipientOrganisationId: input.recipientOrganisationId ?? null,
          recipientCategory: input.recipientCategory ?? null,
          fields: input.fields ?? null,
          method: input.method,
          witness: input.witness ?? null,
          note: input.note ?? null,
          startsAt: input.startsAt ?? input.now.toISOString(),
          expiresAt: input.expiresAt ?? null,
          recordedBy: input.recordedBy,
        })
        .returning();
      return toConsent(row!);
    },
    async get(id: string): Promise<ConsentRecord | null> {
      const [row] = await db.select().from(consents).where(eq(consents.id, id));
      return row ? toConsent(row) : null;
    },
    async listForPerson(personId: string): Promise<ConsentRecord[]> {
      const rows = await db
        .select()
        .from(consents)
        .where(eq(consents.personId, personId))
        .orderBy(desc(consents.startsAt), desc(consents.createdAt));
      return rows.map(toConsent);
    },
    /** Every consent given for a purpose and not withdrawn (for finding, in one query, who may be matched). */
    async listOpenForPurpose(purpose: string): Promise<ConsentRecord[]> {
      const rows = await db
        .select()
        .from(consents)
        .where(and(eq(consents.purpose, purpose), isNull(consents.withdrawnAt)));
      return rows.map(toConsent);
    },
    /** Withdraws a consent at `now`; withdrawing twice is a conflict. */
    async withdraw(id: string, by: string | null, reason: string | null, now: Date): Promise<ConsentRecord> {
      const [row] = await db
        .update(consents)
        .set({ withdrawnAt: now.toISOString(), withdrawnBy: by, withdrawalReason: reason })
        .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
        .returning();
      if (row) return toConsent(row);
      const existing = await db.select({ id: consents.id }).from(consents).where(eq(consents.id, id));
      if (existing.length === 0) throw errors.notFound('consent', id);
      throw errors.conflict('the consent is already withdrawn');
    },
    async eraseForPerson(personId: string): Promise<number> {
      const rows = await db
        .delete(consents)
        .where(eq(consents.personId, personId))
        .returning({ id: consents.id });
      return rows.length;
    },
  };
}
export type ConsentStore = ReturnType<typeof createConsentStore>;
