import type { UserRow } from '@passerelle/db';
import type { AccessPolicy, Actor } from '../../auth/policy';
import { userRecord } from '../../auth/user-record';

export { userRecord };

/** Turns a user into its response through the policy. */
export async function presentUser(policy: AccessPolicy, actor: Actor, u: UserRow) {
  return policy.visibleFields(actor, 'user', userRecord(u));
}
