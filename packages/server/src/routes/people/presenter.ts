import type { Person } from '@passerelle/core';
import type { Actor } from '../../auth/policy';
import type { AppContext } from '../../context';
import { present } from '../record-kit';

/** Turns a person into its response, keeping only the fields the actor may see (sensitive ones included). */
export function presentPerson(ctx: AppContext, actor: Actor, person: Person) {
  return present(ctx, actor, 'person', person);
}
