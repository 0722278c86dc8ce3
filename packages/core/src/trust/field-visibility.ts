import { personSensitiveFields } from '../records/people';
import { decideAccess, type AccessFacts, type AccessSubject, type ResourceKind } from './access-rules';

/**
 * Which fields of a record a subject sees. The server's `visibleFields` is the only caller; it is
 * the one place where records become responses, so a field outside the allowed set never leaves.
 */

/**
 * Sensitive fields of a person (C1, C8): only for assigned case managers, and administrators who
 * give a reason. The records module names them (`personSensitiveFields`); `health` is kept for
 * records that use the short name.
 */
export const defaultPersonSensitiveFields: readonly string[] = [...personSensitiveFields, 'health'];

/** Fields that never leave the server, whoever asks. */
export const secretFields = [
  'passwordHash',
  'password',
  'totpSecret',
  'tokenHash',
  'secret',
  'secretHash',
  'resetTokenHash',
  'csrfToken',
] as const;

/**
 * The fields of a person an employer sees by default when the person consented to share their
 * profile with them (the consent can name a narrower or different list; sensitive fields never).
 */
export const defaultEmployerProfileFields = [
  'id',
  'givenName',
  'familyName',
  'displayName',
  'languages',
  'skills',
  'occupations',
  'education',
  'workExperience',
  'digitalSkills',
  'drivingLicences',
  'aspirations',
] as const;

/** What a training provider or partner sees of a person referred to them. */
export const defaultPartnerProfileFields = [
  'id',
  'givenName',
  'familyName',
  'displayName',
  'languages',
  'education',
] as const;

/**
 * Fields of shared (non-personal) records that name people: only for staff who work with people
 * (see `fieldAccessFor`). The attendance list of an event is the one so far.
 */
export const staffOnlyFields: Readonly<Record<string, readonly string[]>> = {
  event: ['people'],
  fair: ['people'],
};

/** How much of a record a subject sees. */
export type FieldAccessLevel = 'none' | 'shared' | 'ordinary' | 'full';

export interface FieldAccess {
  level: FieldAccessLevel;
  /** For `shared`: the only fields that may be shown. */
  sharedFields: readonly string[] | null;
  /** True when the subject is shown sensitive fields only because they gave a reason (audit it). */
  byReason: boolean;
}

export interface FieldAccessInput {
  /** The fields the person chose to share with the subject's organisation (from the consent), if any. */
  consentedFields?: readonly string[] | null;
  /** The administrator's stated reason for seeing sensitive fields. */
  accessReason?: string | null;
}

/** A reason is an explanation, not a token: at least 5 characters once trimmed. */
export function isAcceptableReason(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.trim().length >= 5;
}

/** Decides the field access of a subject to one record of a kind. */
export function fieldAccessFor(
  subject: AccessSubject,
  kind: ResourceKind,
  facts: AccessFacts,
  input: FieldAccessInput = {},
): FieldAccess {
  const none: FieldAccess = { level: 'none', sharedFields: null, byReason: false };
  const read = decideAccess(subject, 'read', kind, facts);
  if (!read.allowed) return none;
  const personal = kind === 'person' || kind === 'case_record' || kind === 'consent' || kind === 'referral';
  if (!personal) {
    // A shared record (an event, an offer) may name people (`staffOnlyFields`): staff who work
    // with people see them; employers, providers, the people themselves and a programme manager
    // without the personal-details grant do not.
    const staff =
      subject.role === 'administrator' ||
      subject.role === 'case_manager' ||
      subject.role === 'counsellor' ||
      (subject.role === 'programme_manager' && subject.grants.includes('personal_details'));
    return { level: staff ? 'full' : 'ordinary', sharedFields: null, byReason: false };
  }
  switch (read.scope) {
    case 'self':
      return { level: 'full', sharedFields: null, byReason: false };
    case 'caseload':
      return { level: 'full', sharedFields: null, byReason: false };
    case 'shared_with_organisation':
      return {
        level: 'shared',
        sharedFields: input.consentedFields ?? defaultEmployerProfileFields,
        byReason: false,
      };
    case 'referred_to_organisation':
      return {
        level: 'shared',
        sharedFields: input.consentedFields ?? defaultPartnerProfileFields,
        byReason: false,
      };
    default:
      break;
  }
  if (subject.role === 'administrator' && isAcceptableReason(input.accessReason))
    return { level: 'full', sharedFields: null, byReason: true };
  // A case manager of the organisation (not assigned) sees the ordinary fields; an assigned one
  // matched `caseload` above. Check caseload explicitly in case another scope matched first.
  if (subject.role === 'case_manager' && subject.userId) {
    const p = facts.person ?? facts.record;
    if (p?.caseManagerIds.includes(subject.userId))
      return { level: 'full', sharedFields: null, byReason: false };
  }
  return { level: 'ordinary', sharedFields: null, byReason: false };
}

/** Removes a dotted path (`limitations.health`) or a top-level key from a copy of the record. */
function omitPath(record: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let cur: unknown = record;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[parts[i]!];
  }
  if (cur !== null && typeof cur === 'object')
    delete (cur as Record<string, unknown>)[parts[parts.length - 1]!];
}

/**
 * Applies a field access to a record and returns a new object: `none` gives `{}`; `shared` keeps
 * only the shared fields; every level below `full` drops the sensitive fields; secret fields are
 * always dropped.
 */
export function applyFieldAccess<T extends Record<string, unknown>>(
  record: T,
  access: FieldAccess,
  sensitiveFields: readonly string[],
): Partial<T> {
  if (access.level === 'none') return {};
  let out: Record<string, unknown> = structuredClone(record) as Record<string, unknown>;
  if (access.level === 'shared') {
    const allowed = new Set(access.sharedFields ?? []);
    allowed.add('id');
    out = Object.fromEntries(Object.entries(out).filter(([k]) => allowed.has(k)));
  }
  if (access.level !== 'full') for (const f of sensitiveFields) omitPath(out, f);
  for (const f of secretFields) delete out[f];
  return out as Partial<T>;
}
