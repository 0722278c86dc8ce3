import { post, request } from './client';
import { endpoints } from './endpoints';
import type { ReferralStatus } from './resources';

/**
 * Refers a person to a vacancy or a training. The referral is sent at once: the counsellor refers
 * with the person's agreement (the server checks the consent), and the employer then answers.
 */
export async function createReferral(
  personId: string,
  kind: 'vacancy' | 'training',
  targetId: string,
): Promise<unknown> {
  return post(
    endpoints.referrals,
    { personId, targetKind: kind, targetId, status: 'sent' },
    { 'idempotency-key': crypto.randomUUID() },
  );
}

/** Moves a referral along its pipeline (accept, reject, start...); a rejection or a drop needs a reason. */
export async function setReferralStatus(
  id: string,
  status: ReferralStatus,
  note?: string,
  version?: number | null,
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (version !== null && version !== undefined) headers['if-match'] = `"${version}"`;
  const reason = note?.trim() ? note.trim() : null;
  const needsReason = status === 'rejected' || status === 'dropped';
  return (
    await request(endpoints.referralStatus(id), {
      method: 'POST',
      body: {
        to: status,
        ...(reason ? { reason } : {}),
        ...(needsReason && !reason ? { reasonCode: 'other' } : {}),
      },
      headers,
    })
  ).data;
}

/**
 * Sets or clears the date to follow up on a referral. The update replaces motivation, notes and
 * date together, so the current motivation and notes are read first and sent back unchanged.
 */
export async function setReferralFollowUp(id: string, followUpOn: string | null): Promise<unknown> {
  const current = await request<{ motivation?: string | null; notes?: string | null; version?: number }>(
    endpoints.referral(id),
  );
  const etag =
    current.etag ?? (typeof current.data.version === 'number' ? `"${current.data.version}"` : null);
  return (
    await request(endpoints.referral(id), {
      method: 'PUT',
      body: { motivation: current.data.motivation ?? null, notes: current.data.notes ?? null, followUpOn },
      headers: etag ? { 'if-match': etag } : {},
    })
  ).data;
}
