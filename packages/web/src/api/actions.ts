import { post, request } from './client';
import { endpoints } from './endpoints';
import type { ReferralStatus } from './resources';

/** Proposes a person for a vacancy or a training. */
export async function createReferral(
  personId: string,
  kind: 'vacancy' | 'training',
  targetId: string,
): Promise<unknown> {
  return post(
    endpoints.referrals,
    {
      personId,
      targetKind: kind,
      targetId,
      ...(kind === 'vacancy' ? { vacancyId: targetId } : { trainingId: targetId }),
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
}

/** Moves a referral along its pipeline (accept, reject, start...) with an optional note. */
export async function setReferralStatus(
  id: string,
  status: ReferralStatus,
  note?: string,
  version?: number | null,
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (version !== null && version !== undefined) headers['if-match'] = `"${version}"`;
  return (
    await request(endpoints.referralStatus(id), {
      method: 'POST',
      body: { status, ...(note ? { note, feedback: note } : {}) },
      headers,
    })
  ).data;
}
