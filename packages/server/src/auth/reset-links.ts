import type { PasswordResetStore } from '@passerelle/db';
import { hashToken, newSecretToken } from './secrets';

/** How long a reset link works. */
export const resetLinkLifetimeMs = 60 * 60_000;

/** Creates a one-time reset token; the link is `/reset-password#token=…` (a fragment never reaches server logs). */
export async function issueResetLink(
  store: PasswordResetStore,
  input: { id: string; userId: string; now: Date },
): Promise<{ token: string; path: string; expiresAt: string }> {
  const token = newSecretToken();
  const expiresAt = new Date(input.now.getTime() + resetLinkLifetimeMs);
  await store.create({ id: input.id, userId: input.userId, tokenHash: hashToken(token), expiresAt });
  return { token, path: `/reset-password#token=${token}`, expiresAt: expiresAt.toISOString() };
}
