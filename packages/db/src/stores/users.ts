import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { errors } from '@passerelle/core';
import type { Db } from '../database';
import { users } from '../schema/trust';
import { isUniqueViolation } from './organisations';

export type UserRow = typeof users.$inferSelect;

export interface NewUser {
  id: string;
  email: string;
  displayName?: string | null;
  role: string;
  organisationId?: string | null;
  country?: string | null;
  personId?: string | null;
  grants?: string[];
  passwordHash?: string | null;
}

export interface UserPatch {
  displayName?: string | null;
  role?: string;
  organisationId?: string | null;
  country?: string | null;
  personId?: string | null;
  grants?: string[];
  disabledAt?: string | null;
}

/** Normalises an e-mail address for lookups (trimmed, lower case). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Users who sign in. Secrets (password hash, TOTP secret) stay in the rows; presenters drop them. */
export function createUserStore(db: Db) {
  async function getById(id: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  }
  return {
    getById,
    async getByEmail(email: string): Promise<UserRow | null> {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(users.email, normaliseEmail(email)));
      return row ?? null;
    },
    async create(input: NewUser): Promise<UserRow> {
      try {
        const [row] = await db
          .insert(users)
          .values({
            id: input.id,
            email: normaliseEmail(input.email),
            displayName: input.displayName ?? null,
            role: input.role,
            organisationId: input.organisationId ?? null,
            country: input.country ?? null,
            personId: input.personId ?? null,
            grants: input.grants ?? [],
            passwordHash: input.passwordHash ?? null,
            passwordChangedAt: input.passwordHash ? sql`now()` : null,
          })
          .returning();
        return row!;
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.alreadyExists('user', 'email');
        throw e;
      }
    },
    async list(query: {
      limit: number;
      after?: string | null;
    }): Promise<{ items: UserRow[]; next: string | null }> {
      const rows = await db
        .select()
        .from(users)
        .where(query.after ? gt(users.email, query.after) : undefined)
        .orderBy(asc(users.email))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit);
      return { items, next: rows.length > query.limit ? (items[items.length - 1]?.email ?? null) : null };
    },
    async update(id: string, patch: UserPatch, expectedVersion?: number): Promise<UserRow> {
      const where =
        expectedVersion === undefined
          ? eq(users.id, id)
          : and(eq(users.id, id), eq(users.version, expectedVersion));
      const [row] = await db
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
        .where(where)
        .returning();
      if (row) return row;
      const current = await getById(id);
      if (!current) throw errors.notFound('user', id);
      throw errors.versionConflict('user', id, expectedVersion ?? 0, current.version);
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db
        .update(users)
        .set({
          passwordHash,
          passwordChangedAt: sql`now()`,
          failedAttempts: 0,
          lockedUntil: null,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id));
    },
    /** Counts a failed sign-in; locks the account for `lockMs` after `maxAttempts` failures in a row. */
    async recordFailedSignIn(
      id: string,
      now: Date,
      policy: { maxAttempts: number; lockMs: number },
    ): Promise<UserRow | null> {
      const [row] = await db
        .update(users)
        .set({
          failedAttempts: sql`${users.failedAttempts} + 1`,
          lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${policy.maxAttempts} then ${new Date(now.getTime() + policy.lockMs).toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, id))
        .returning();
      return row ?? null;
    },
    async recordSignIn(id: string, now: Date): Promise<void> {
      await db
        .update(users)
        .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() })
        .where(eq(users.id, id));
    },
    async setTotp(id: string, secret: string | null, enabledAt: string | null): Promise<void> {
      await db
        .update(users)
        .set({ totpSecret: secret, totpEnabledAt: enabledAt, totpLastStep: null, updatedAt: sql`now()` })
        .where(eq(users.id, id));
    },
    /** Records the time step of an accepted TOTP code; false when it (or a later one) was already used. */
    async useTotpStep(id: string, step: number): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
        .returning({ id: users.id });
      return rows.length === 1;
    },
    async delete(id: string): Promise<void> {
      await db.delete(users).where(eq(users.id, id));
    },
    async listByPerson(personId: string): Promise<UserRow[]> {
      return db.select().from(users).where(eq(users.personId, personId));
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
