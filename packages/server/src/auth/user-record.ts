import type { UserRow } from '@passerelle/db';

/** The user as a record: secrets are present here and removed by `visibleFields` (secret fields never leave). */
export function userRecord(u: UserRow): Record<string, unknown> {
  const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    organisationId: u.organisationId,
    country: u.country,
    personId: u.personId,
    grants: u.grants ?? [],
    totpEnabled: u.totpEnabledAt !== null,
    locked: u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now(),
    disabledAt: iso(u.disabledAt),
    lastSignInAt: iso(u.lastSignInAt),
    version: u.version,
    createdAt: iso(u.createdAt),
    updatedAt: iso(u.updatedAt),
    passwordHash: u.passwordHash,
    totpSecret: u.totpSecret,
  };
}
