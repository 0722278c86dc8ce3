import type { ReferralStatus } from './referrals';

/**
 * The date field each referral status sets. No runtime import, so that the browser app reads it
 * through `@passerelle/core/referral-status-dates` without the schemas.
 */
export const referralStatusDates: Record<
  ReferralStatus,
  'proposedOn' | 'sentOn' | 'respondedOn' | 'startedOn' | 'endedOn'
> = {
  proposed: 'proposedOn',
  sent: 'sentOn',
  accepted: 'respondedOn',
  rejected: 'respondedOn',
  started: 'startedOn',
  completed: 'endedOn',
  dropped: 'endedOn',
};
