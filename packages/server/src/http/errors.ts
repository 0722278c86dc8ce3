import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  DomainError,
  isDomainError,
  pickLocale,
  renderErrorMessage,
  type ErrorCode,
  type FieldIssue,
} from '@passerelle/core';

/** The one place where error codes become HTTP statuses. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  conflict: 409,
  closed_for_matching: 409,
  already_exists: 409,
  version_conflict: 412,
  precondition_required: 428,
  idempotency_conflict: 422,
  invalid_reference: 422,
  invalid_transition: 409,
  unauthenticated: 401,
  forbidden: 403,
  consent_required: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_config: 500,
  invalid_file: 422,
  import_failed: 422,
  backup_incompatible: 409,
  unavailable: 503,
  internal_error: 500,
};

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Renders a DomainError as the `{ code, message, details }` body in the caller's language. */
export function toErrorBody(error: DomainError, acceptLanguage?: string): ErrorBody {
  return {
    code: error.code,
    message: renderErrorMessage(error.code, error.details, pickLocale(acceptLanguage)),
    details: error.details,
  };
}

/**
 * PostgreSQL data exceptions (SQLSTATE class 22) raised by values a client sent: a NUL character
 * in a text, a lone surrogate in JSON, a number out of range. Both drivers give the SQLSTATE in
 * `code`, maybe under `cause` (drizzle wraps query errors).
 */
function isClientDataException(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Converts what Fastify and its plugins throw into a DomainError; unknown errors become internal_error. */
export function toDomainError(error: unknown): { domain: DomainError; unexpected: boolean } {
  if (isDomainError(error)) return { domain: error, unexpected: false };
  if (isClientDataException(error)) {
    const issue = {
      path: [],
      code: 'unstorable_value',
      message: 'a value cannot be stored (for example a NUL character or a lone surrogate in a text)',
    };
    return {
      domain: new DomainError('validation_failed', { where: 'body', issues: [issue] }),
      unexpected: false,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues: FieldIssue[] = error.validation.map((v) => {
      const params = v.params as { issue?: { path?: (string | number)[]; code?: string } } | undefined;
      const path =
        params?.issue?.path ??
        v.instancePath
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return { path, code: params?.issue?.code ?? v.keyword, message: v.message ?? 'invalid' };
    });
    return { domain: new DomainError('validation_failed', { where, issues }), unexpected: false };
  }
  const fe = error as FastifyError;
  if (
    fe &&
    typeof fe === 'object' &&
    typeof fe.statusCode === 'number' &&
    fe.statusCode >= 400 &&
    fe.statusCode < 500
  ) {
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return { domain: new DomainError('payload_too_large'), unexpected: false };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return { domain: new DomainError('unsupported_media_type'), unexpected: false };
      case 'FST_ERR_RATE_LIMITED':
        return { domain: new DomainError('rate_limited'), unexpected: false };
      default:
        if (fe.statusCode === 429) return { domain: new DomainError('rate_limited'), unexpected: false };
        if (fe.statusCode === 404)
          return { domain: new DomainError('not_found', { entity: 'route', id: '' }), unexpected: false };
        // Malformed JSON, empty body with a JSON content type, bad headers and the like.
        return {
          domain: new DomainError('validation_failed', {
            where: 'request',
            issues: [{ path: [], code: String(fe.code ?? 'bad_request').toLowerCase(), message: fe.message }],
          }),
          unexpected: false,
        };
    }
  }
  return { domain: new DomainError('internal_error'), unexpected: true };
}

/** Fastify error handler: stable codes, localised messages, no stack traces, 5xx only for our faults. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { domain, unexpected } = toDomainError(error);
  const status = httpStatusByCode[domain.code];
  if (unexpected || status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: domain.code }, 'request rejected');
  const body = toErrorBody(domain, request.headers['accept-language']);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** 404 for unknown routes, in the same shape. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const e = new DomainError('not_found', {
    entity: 'route',
    id: `${request.method} ${request.url.split('?')[0]}`,
  });
  return reply.status(404).send(toErrorBody(e, request.headers['accept-language']));
}
