import { eq, sql } from 'drizzle-orm';
import type { RetentionRule, RetentionRuleInput } from '@passerelle/core';
import type { Db } from '../database';
import { retentionRules } from '../schema/trust';

/** Retention rules per programme. */
export function createRetentionRuleStore(db: Db) {
  return {
    async list(): Promise<RetentionRule[]> {
      const rows = await db.select().from(retentionRules).orderBy(retentionRules.programme);
      return rows.map((r) => ({
        programme: r.programme,
        afterClosureDays: r.afterClosureDays,
        afterInactivityDays: r.afterInactivityDays,
      }));
    },
    async put(
      programme: string,
      input: RetentionRuleInput,
      updatedBy: string | null,
    ): Promise<RetentionRule> {
      await db
        .insert(retentionRules)
        .values({ programme, ...input, updatedBy })
        .onConflictDoUpdate({
          target: retentionRules.programme,
          set: { ...input, updatedBy, updatedAt: sql`now()` },
        });
      return { programme, ...input };
    },
    async remove(programme: string): Promise<boolean> {
      const rows = await db
        .delete(retentionRules)
        .where(eq(retentionRules.programme, programme))
        .returning({ p: retentionRules.programme });
      return rows.length === 1;
    },
  };
}
export type RetentionRuleStore = ReturnType<typeof createRetentionRuleStore>;
