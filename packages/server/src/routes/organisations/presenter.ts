import type { Organisation } from '@passerelle/core';
import type { Actor, AccessPolicy } from '../../auth/policy';

/** Turns an organisation into its response, keeping only the fields the actor may see. */
export async function presentOrganisation(policy: AccessPolicy, actor: Actor, o: Organisation) {
  return policy.visibleFields(actor, 'organisation', { ...o } as Organisation & Record<string, unknown>);
}
