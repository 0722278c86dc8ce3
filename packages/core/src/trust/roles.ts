import { z } from 'zod';

/**
 * The roles of C8. A user has exactly one role, an organisation and (optionally) a country.
 * `partner` covers MFIs, chambers of commerce and public employment services; it is scoped like a
 * training provider (own offers, referrals to them).
 */
export const roles = [
  'administrator',
  'programme_manager',
  'case_manager',
  'counsellor',
  'employer',
  'training_provider',
  'partner',
  'person',
] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** Extra rights an administrator can grant a user on top of their role. */
export const grants = ['personal_details'] as const;
export type Grant = (typeof grants)[number];

/** Roles that must pass a second factor (TOTP) before they may do anything. */
export const rolesRequiringMfa: readonly Role[] = ['administrator'];

/** Staff roles (they work for the programme, not for an employer or provider). */
export const staffRoles: readonly Role[] = [
  'administrator',
  'programme_manager',
  'case_manager',
  'counsellor',
];

/**
 * API token scopes: `<resource type>:read` or `<resource type>:write`, or `*:read` / `*:write`.
 * A token never gives more than its user's role; scopes only narrow it.
 */
export const tokenScopeSchema = z
  .string()
  .regex(/^(\*|[a-z][a-z_]{1,40}):(read|write)$/, 'must look like people:read, vacancies:write or *:read');

/** Whether an action reads or writes, for token scopes. */
export function accessKindOf(action: string): 'read' | 'write' {
  return action === 'list' || action === 'read' || action === 'export' ? 'read' : 'write';
}

/** True when the scopes cover `action` on `type` (`*:write` implies read too). */
export function scopesAllow(scopes: readonly string[], type: string, action: string): boolean {
  const kind = accessKindOf(action);
  const ok = (s: string) => s === `${type}:${kind}` || s === `*:${kind}`;
  const okWrite = (s: string) => s === `${type}:write` || s === '*:write';
  return scopes.some((s) => ok(s) || (kind === 'read' && okWrite(s)));
}

/** Parses a lifetime such as `30d`, `12h`, `90m` or `1y` into milliseconds; null when invalid. */
export function parseLifetime(text: string): number | null {
  const m = /^(\d{1,5})([mhdwy])$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) return null;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 }[
    m[2] as 'm' | 'h' | 'd' | 'w' | 'y'
  ];
  return n * unit;
}
