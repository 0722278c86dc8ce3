import { isDomainError } from '@passerelle/core';
import type { AccessPolicy, Action, Actor, ResourceRef } from './policy';

/**
 * The row check of imports (the `authorizeRow` hook of @passerelle/io). The route only knows that
 * the caller may import some records of a type (an employer: vacancies of their own organisation);
 * each row is then checked like a create or an update through the API: the record it would
 * replace (found by external id) and the record it would write. Without it, an employer could
 * write vacancies for another employer, take one over by its external id, or create employers.
 * Administrators may write any record, so they get no per-row check (null).
 */
export function importRowGuard(
  policy: AccessPolicy,
  actor: Actor,
  type: string,
):
  | ((
      input: Record<string, unknown> & { externalId: string },
      existing: Record<string, unknown> | null,
    ) => Promise<string | null>)
  | null {
  if (actor.kind === 'system' || actor.role === 'administrator') return null;
  const allowed = async (action: Action, resource: ResourceRef): Promise<boolean> => {
    if (policy.permits) return policy.permits(actor, action, resource);
    try {
      await policy.authorize(actor, action, resource);
      return true;
    } catch (e) {
      if (isDomainError(e) && (e.code === 'forbidden' || e.code === 'unauthenticated')) return false;
      throw e;
    }
  };
  return async (input, existing) => {
    if (existing && !(await allowed('update', { type, record: existing })))
      return 'the record with this external id belongs to an organisation this account may not change';
    if (!(await allowed(existing ? 'update' : 'create', { type, record: input })))
      return 'this account may not write a record for this organisation';
    return null;
  };
}
