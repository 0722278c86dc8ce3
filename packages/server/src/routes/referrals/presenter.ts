import type { Referral } from '@passerelle/core';
import type { Actor } from '../../auth/policy';
import type { AppContext } from '../../context';
import { present } from '../record-kit';

/** Turns a referral into its response, keeping only the fields the actor may see. */
export function presentReferral(ctx: AppContext, actor: Actor, referral: Referral) {
  return present(ctx, actor, 'referral', referral);
}
