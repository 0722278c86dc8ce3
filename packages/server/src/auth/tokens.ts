import { tokenScopeSchema } from '@passerelle/core';
import type { ApiTokenStore } from '@passerelle/db';
import { hashToken, newSecretToken } from './secrets';

/** Longest lifetime of an API token (ASVS: tokens expire). */
export const maxTokenLifetimeMs = 366 * 86_400_000;

/** Creates an API token and returns it once; only its SHA-256 is stored. */
export async function issueApiToken(
  store: ApiTokenStore,
  input: { id: string; userId: string; name: string; scopes: string[]; lifetimeMs: number; now: Date },
): Promise<{ id: string; token: string; prefix: string; expiresAt: string; scopes: string[] }> {
  for (const s of input.scopes) tokenScopeSchema.parse(s);
  const lifetime = Math.min(input.lifetimeMs, maxTokenLifetimeMs);
  const token = newSecretToken('psl_');
  const prefix = token.slice(0, 10);
  const expiresAt = new Date(input.now.getTime() + lifetime);
  await store.create({
    id: input.id,
    userId: input.userId,
    name: input.name,
    prefix,
    tokenHash: hashToken(token),
    scopes: input.scopes,
    expiresAt,
  });
  return { id: input.id, token, prefix, expiresAt: expiresAt.toISOString(), scopes: input.scopes };
}
