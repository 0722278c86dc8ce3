/**
 * Domain errors are data: a stable `code`, structured `details`, and a message rendered per
 * locale (see messages.ts). The HTTP mapping lives in exactly one place (server/src/http/errors.ts).
 */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'conflict',
  'closed_for_matching',
  'already_exists',
  'version_conflict',
  'precondition_required',
  'idempotency_conflict',
  'invalid_reference',
  'invalid_transition',
  'unauthenticated',
  'forbidden',
  'consent_required',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_config',
  'invalid_file',
  'import_failed',
  'backup_incompatible',
  'unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of an input (HTTP body, query, CSV row, CLI flag). */
export interface FieldIssue {
  /** Path to the field, e.g. `["languages", 0, "level"]`, or a column/flag name. */
  path: (string | number)[];
  /** A stable lower_snake code of the problem, e.g. `too_small`, `invalid_type`. */
  code: string;
  message: string;
}

export type ErrorDetails = Record<string, unknown>;

/** A field of a record that points to a record that does not exist or is archived. */
export interface ReferenceIssue {
  path: (string | number)[];
  entity: string;
  id: string;
  reason: 'missing' | 'archived';
}

/** The one error type thrown by domain code. Carries a stable code and structured details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a DomainError (also across module copies). */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'DomainError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Builders for the common errors, so call sites stay short and consistent. */
export const errors = {
  validation: (issues: FieldIssue[], where = 'body') =>
    new DomainError('validation_failed', { where, issues }),
  notFound: (entity: string, id: string) => new DomainError('not_found', { entity, id }),
  conflict: (reason: string, extra: ErrorDetails = {}) => new DomainError('conflict', { reason, ...extra }),
  /** A vacancy closed or full, or a training that can no longer be joined, on `today`: nobody is matched to it. */
  closedForMatching: (entity: 'vacancy' | 'training', id: string, today: string) =>
    new DomainError('closed_for_matching', { entity, id, today }),
  alreadyExists: (entity: string, key: string) => new DomainError('already_exists', { entity, key }),
  versionConflict: (entity: string, id: string, expected: number, actual: number) =>
    new DomainError('version_conflict', { entity, id, expected, actual }),
  preconditionRequired: (header: string) => new DomainError('precondition_required', { header }),
  idempotencyConflict: (key: string) => new DomainError('idempotency_conflict', { key }),
  invalidReference: (issues: ReferenceIssue[]) => new DomainError('invalid_reference', { issues }),
  invalidTransition: (entity: string, id: string, from: string, to: string, reason = 'not_allowed') =>
    new DomainError('invalid_transition', { entity, id, from, to, reason }),
  unauthenticated: () => new DomainError('unauthenticated'),
  forbidden: (action: string, resource: string) => new DomainError('forbidden', { action, resource }),
  consentRequired: (personId: string, purpose: string) =>
    new DomainError('consent_required', { personId, purpose }),
  invalidConfig: (issues: FieldIssue[]) => new DomainError('invalid_config', { issues }),
  invalidFile: (file: string, reason: string, where: { line?: number; column?: string } = {}) =>
    new DomainError('invalid_file', { file, reason, ...where }),
  unavailable: (what: string) => new DomainError('unavailable', { what }),
} as const;
