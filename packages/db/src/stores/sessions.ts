import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { apiTokens, passwordResets, sessions } from '../schema/trust';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Browser sessions (token hashes only). */
export function createSessionStore(db: Db) {
  return {
    async create(input: {
      id: string;
      tokenHash: string;
      userId: string;
      csrfToken: string;
      mfaVerified: boolean;
      expiresAt: Date;
    }): Promise<SessionRow> {
      const [row] = await db
        .insert(sessions)
        .values({ ...input, expiresAt: input.expiresAt.toISOString() })
        .returning();
      return row!;
    },
    /** The live session with this token hash (not revoked, not expired at `now`). */
    async findLive(tokenHash: string, now: Date): Promise<SessionRow | null> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tokenHash, tokenHash),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now.toISOString()),
          ),
        );
      return row ?? null;
    },
    async touch(id: string, now: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
    },
    /** The live sessions of a user, newest first. */
    async listLive(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now.toISOString()),
          ),
        )
        .orderBy(sql`${sessions.createdAt} desc`);
    },
    /** Revokes one session of a user; false when it is not theirs or already ended. */
    async revokeOwn(id: string, userId: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: now.toISOString() })
        .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length === 1;
    },
    async setMfaVerified(id: string): Promise<void> {
      await db.update(sessions).set({ mfaVerified: true }).where(eq(sessions.id, id));
    },
    async revoke(id: string, now: Date): Promise<void> {
      await db.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, id));
    },
    async revokeAllForUser(userId: string, now: Date, exceptId?: string): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: now.toISOString() })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
          ),
        );
    },
    /** Removes sessions that expired or were revoked before `before`; returns how many. */
    async purge(before: Date): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, before.toISOString()), lt(sessions.revokedAt, before.toISOString())))
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

/** API tokens (hashes only). */
export function createApiTokenStore(db: Db) {
  return {
    async create(input: {
      id: string;
      userId: string;
      name: string;
      prefix: string;
      tokenHash: string;
      scopes: string[];
      expiresAt: Date;
    }): Promise<ApiTokenRow> {
      const [row] = await db
        .insert(apiTokens)
        .values({ ...input, expiresAt: input.expiresAt.toISOString() })
        .returning();
      return row!;
    },
    async findLive(tokenHash: string, now: Date): Promise<ApiTokenRow | null> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            isNull(apiTokens.revokedAt),
            gt(apiTokens.expiresAt, now.toISOString()),
          ),
        );
      return row ?? null;
    },
    async get(id: string): Promise<ApiTokenRow | null> {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      return row ?? null;
    },
    async listForUser(userId: string | null): Promise<ApiTokenRow[]> {
      return db
        .select()
        .from(apiTokens)
        .where(userId ? eq(apiTokens.userId, userId) : undefined)
        .orderBy(apiTokens.createdAt);
    },
    async touch(id: string, now: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, id));
    },
    async revoke(id: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: now.toISOString() })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length === 1;
    },
    async revokeAllForUser(userId: string, now: Date): Promise<void> {
      await db
        .update(apiTokens)
        .set({ revokedAt: now.toISOString() })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    },
    async purge(before: Date): Promise<number> {
      const rows = await db
        .delete(apiTokens)
        .where(
          or(lt(apiTokens.expiresAt, before.toISOString()), lt(apiTokens.revokedAt, before.toISOString())),
        )
        .returning({ id: apiTokens.id });
      return rows.length;
    },
  };
}
export type ApiTokenStore = ReturnType<typeof createApiTokenStore>;

/** One-time password reset links. */
export function createPasswordResetStore(db: Db) {
  return {
    async create(input: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
      await db.insert(passwordResets).values({ ...input, expiresAt: input.expiresAt.toISOString() });
    },
    /** Uses a reset token once: returns its user id, or null when unknown, used or expired. */
    async consume(tokenHash: string, now: Date): Promise<string | null> {
      const rows = await db
        .update(passwordResets)
        .set({ usedAt: now.toISOString() })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now.toISOString()),
          ),
        )
        .returning({ userId: passwordResets.userId });
      return rows[0]?.userId ?? null;
    },
    async purge(before: Date): Promise<number> {
      const rows = await db
        .delete(passwordResets)
        .where(
          or(
            lt(passwordResets.expiresAt, before.toISOString()),
            lt(passwordResets.usedAt, before.toISOString()),
          ),
        )
        .returning({ id: passwordResets.id });
      return rows.length;
    },
  };
}
export type PasswordResetStore = ReturnType<typeof createPasswordResetStore>;
