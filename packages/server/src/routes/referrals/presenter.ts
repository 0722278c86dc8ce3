import type { Referral } from '@passerelle/core';
import type { Actor } from '../../auth/policy';
import type { AppContext } from '../../context';
import { organisationNameLookup, type OrganisationName } from '../organisation-names';
import { present } from '../record-kit';

type NameLookup = (id: string | null | undefined) => Promise<OrganisationName | null>;

/**
 * Turns a referral into its response, keeping only the fields the actor may see, with the display
 * name of the receiving organisation (a person sees whom they were referred to, though they may
 * not read organisations).
 */
export async function presentReferral(
  ctx: AppContext,
  actor: Actor,
  referral: Referral,
  names: NameLookup = organisationNameLookup(ctx.database),
) {
  return withOrganisationName(await present(ctx, actor, 'referral', referral), names);
}

/** Adds the receiving organisation's display name to a presented referral (only when its id is shown). */
export async function withOrganisationName<T extends { organisationId?: string }>(
  presented: T,
  names: NameLookup,
): Promise<T & { organisation: OrganisationName | null }> {
  return { ...presented, organisation: await names(presented.organisationId) };
}
