import { z } from 'zod';
import { DomainError } from '../errors/errors';

/** Shared limits of list endpoints. */
export const pageLimits = { default: 50, max: 200 } as const;

/** One page of a list and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The position after the last item of a page: its sort value and id. */
export interface CursorPosition {
  sort: string;
  value: string | number | null;
  id: string;
}

/** Encodes a cursor as opaque base64url text. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.value, position.id]), 'utf8').toString(
    'base64url',
  );
}

/** Decodes a cursor; a cursor that was not made by us is a validation error, never a 500. */
export function decodeCursor(cursor: string, expectedSort: string): CursorPosition {
  const bad = (message: string) =>
    new DomainError('validation_failed', {
      where: 'query',
      issues: [{ path: ['cursor'], code: 'invalid_cursor', message }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a valid cursor');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    !(parsed[1] === null || typeof parsed[1] === 'string' || typeof parsed[1] === 'number')
  ) {
    throw bad('not a valid cursor');
  }
  if (parsed[0] !== expectedSort) throw bad('the cursor belongs to another sort order');
  return { sort: parsed[0], value: parsed[1] as string | number | null, id: parsed[2] };
}

/** Query-string fields every list endpoint accepts. */
export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(pageLimits.max).default(pageLimits.default),
  cursor: z.string().max(1000).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
};
