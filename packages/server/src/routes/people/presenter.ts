import type { Person } from '@passerelle/core';
import type { Actor } from '../../auth/policy';
import type { AppContext } from '../../context';
import { permits, present } from '../record-kit';

/** Whether the actor may change who the person is assigned to (trust: `mayChangeAssignment`; everyone without it). */
export async function mayChangeAssignmentOf(ctx: AppContext, actor: Actor, person: Person): Promise<boolean> {
  return ctx.policy.mayChangeAssignment ? ctx.policy.mayChangeAssignment(actor, { ...person }) : true;
}

/**
 * What the actor may do with this person beyond reading it, so that a screen offers only what the
 * server allows: closing or reopening the case needs an update and the assignment rule (a handover's).
 */
export async function personPermissions(
  ctx: AppContext,
  actor: Actor,
  person: Person,
): Promise<{ closeCase: boolean }> {
  const closeCase =
    (await permits(ctx, actor, 'update', { type: 'person', record: { ...person } })) &&
    (await mayChangeAssignmentOf(ctx, actor, person));
  return { closeCase };
}

/**
 * Turns a person into its response, keeping only the fields the actor may see (sensitive ones
 * included), with what the actor may do with it (`permissions`).
 */
export async function presentPerson(ctx: AppContext, actor: Actor, person: Person) {
  const visible = await present(ctx, actor, 'person', person);
  return { ...visible, permissions: await personPermissions(ctx, actor, person) };
}
