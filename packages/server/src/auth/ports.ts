import type { Actor } from './policy';

/**
 * Trust services the record routes call. The trust issue implements them; until then the
 * defaults below stand behind the same interfaces.
 */

/** Purposes a person can consent to (C8). */
export type ConsentPurpose = 'matching' | 'referral' | 'share_profile_with_employer' | 'reporting';

/** Who receives data: an organisation, or a category of recipients. */
export interface ConsentRecipient {
  organisationId?: string | null;
  category?: string | null;
}

export interface ConsentChecker {
  /** Throws consent_required unless the person currently consents to `purpose` for `recipient`. */
  require(personId: string, purpose: ConsentPurpose, recipient: ConsentRecipient): Promise<void>;
  /** True when the person currently consents. */
  allows(personId: string, purpose: ConsentPurpose, recipient: ConsentRecipient): Promise<boolean>;
  /**
   * Everyone who currently consents to `purpose` for a category of recipients, in one query (for
   * ranking only people who may be matched); absent on checkers that cannot answer in bulk.
   */
  peopleAllowing?(purpose: ConsentPurpose, recipient: { category: string }): Promise<Set<string>>;
}

/** One entry of the audit trail: who did what to which record, and why for sensitive access. */
export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | null;
  /** Ids of the people concerned (for erasure tombstones and per-person queries). */
  personId?: string | null;
  reason?: string | null;
  /** What changed (field names, never secrets). */
  changes?: Record<string, unknown> | null;
  requestId?: string | null;
}

export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
  /** Records many entries at once, in order (one batch write); see `recordAuditEntries`. */
  recordMany?(entries: readonly AuditEntry[]): Promise<void>;
}

/** Records the entries in one batch when the sink can, else one by one (e.g. a test's sink). */
export async function recordAuditEntries(sink: AuditSink, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (sink.recordMany) return sink.recordMany(entries);
  for (const entry of entries) await sink.record(entry);
}

export const allowAllConsent: ConsentChecker = {
  async require() {},
  async allows() {
    return true;
  },
};

export const noAudit: AuditSink = {
  async record() {},
};
