import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errors } from '@passerelle/core';

/** The ETag of a record version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag header of a versioned record. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/**
 * Reads the version an update expects from `If-Match`. Missing: 428 precondition_required;
 * not one of our ETags: 400; a stale one is detected by the store (412 version_conflict).
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw errors.preconditionRequired('If-Match');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(String(header).trim());
  if (!match) {
    throw new DomainError('validation_failed', {
      where: 'headers',
      issues: [
        {
          path: ['if-match'],
          code: 'invalid_etag',
          message: 'must be an ETag returned by this API, such as "3"',
        },
      ],
    });
  }
  return Number(match[1]);
}
