import { z } from 'zod';

/**
 * Retention rules per programme: how long a person's data is kept after their case is closed,
 * and after the last activity on it. `passerelle retention run` erases the people a rule has
 * expired, through the same erasure as a request from the person.
 */
export const retentionRuleInput = z.object({
  /** Days after case closure; null keeps closed cases. */
  afterClosureDays: z.number().int().min(1).max(36_500).nullable(),
  /** Days after the last activity; null keeps inactive cases. */
  afterInactivityDays: z.number().int().min(1).max(36_500).nullable(),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleInput>;

export interface RetentionRule extends RetentionRuleInput {
  /** The programme the rule applies to; `*` is the default for programmes without a rule. */
  programme: string;
}

/** What the records module reports about each person for retention. */
export interface RetentionCandidate {
  personId: string;
  programme: string | null;
  closedAt: string | null;
  lastActivityAt: string | null;
}

export interface RetentionDecision {
  personId: string;
  programme: string | null;
  rule: string;
  because: 'closed' | 'inactive';
}

const dayMs = 86_400_000;

/** The people whose data a rule has expired at `now` (pure; the caller erases them). */
export function selectExpiredPeople(
  candidates: readonly RetentionCandidate[],
  rules: readonly RetentionRule[],
  now: Date,
): RetentionDecision[] {
  const byProgramme = new Map(rules.map((r) => [r.programme, r]));
  const out: RetentionDecision[] = [];
  for (const c of candidates) {
    const rule = (c.programme !== null ? byProgramme.get(c.programme) : undefined) ?? byProgramme.get('*');
    if (!rule) continue;
    if (
      rule.afterClosureDays !== null &&
      c.closedAt !== null &&
      now.getTime() - Date.parse(c.closedAt) >= rule.afterClosureDays * dayMs
    ) {
      out.push({ personId: c.personId, programme: c.programme, rule: rule.programme, because: 'closed' });
      continue;
    }
    if (
      rule.afterInactivityDays !== null &&
      c.lastActivityAt !== null &&
      now.getTime() - Date.parse(c.lastActivityAt) >= rule.afterInactivityDays * dayMs
    ) {
      out.push({ personId: c.personId, programme: c.programme, rule: rule.programme, because: 'inactive' });
    }
  }
  return out;
}
