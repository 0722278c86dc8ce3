import {
  activeConsents,
  changedFieldNames,
  errors,
  recipientCategoryOfKind,
  type ConsentRecord,
} from '@passerelle/core';
import {
  createConsentStore,
  createOrganisationStore,
  type AuditStore,
  type Database,
  type NewAuditEvent,
} from '@passerelle/db';
import type { AuditEntry, AuditSink, ConsentChecker, ConsentPurpose, ConsentRecipient } from './ports';

/**
 * The consent ledger behind `ctx.consent`. Nothing is cached: a withdrawal takes effect on the
 * very next check. A recipient organisation is also covered by a consent for its category
 * (e.g. `employers`).
 */
export function createConsentChecker(
  database: Database,
  now: () => Date,
): ConsentChecker & {
  activeFor(personId: string, purpose: ConsentPurpose, recipient: ConsentRecipient): Promise<ConsentRecord[]>;
} {
  const consents = createConsentStore(database.db);
  const organisations = createOrganisationStore(database.db);
  async function activeFor(
    personId: string,
    purpose: ConsentPurpose,
    recipient: ConsentRecipient,
  ): Promise<ConsentRecord[]> {
    let category = recipient.category ?? null;
    if (!category && recipient.organisationId) {
      const org = await organisations.get(recipient.organisationId);
      category = recipientCategoryOfKind(org?.kind);
    }
    const all = await consents.listForPerson(personId);
    return activeConsents(
      all,
      purpose,
      { organisationId: recipient.organisationId ?? null, category },
      now(),
    );
  }
  return {
    activeFor,
    async allows(personId, purpose, recipient) {
      return (await activeFor(personId, purpose, recipient)).length > 0;
    },
    async require(personId, purpose, recipient) {
      if ((await activeFor(personId, purpose, recipient)).length === 0)
        throw errors.consentRequired(personId, purpose);
    },
    async peopleAllowing(purpose, recipient) {
      const at = now();
      const target = { organisationId: null, category: recipient.category };
      const open = await consents.listOpenForPurpose(purpose);
      const out = new Set<string>();
      for (const c of open) if (activeConsents([c], purpose, target, at).length > 0) out.add(c.personId);
      return out;
    },
  };
}

/**
 * The audit sink behind `ctx.audit`: appends to the hash chain. Changes keep field names only.
 * The same read of the same record in the same request is recorded once.
 */
export function createAuditSink(store: AuditStore, now: () => Date, newId: () => string): AuditSink {
  const recent: string[] = [];
  const seen = new Set<string>();
  /** The stored form of an entry, or null for a repeated read in the same request. */
  const toEvent = (entry: AuditEntry): NewAuditEvent | null => {
    if (entry.requestId && entry.action.startsWith('read')) {
      const key = `${entry.requestId}|${entry.action}|${entry.entity}|${entry.entityId ?? ''}|${entry.actor.userId ?? ''}`;
      if (seen.has(key)) return null;
      seen.add(key);
      recent.push(key);
      if (recent.length > 5000) seen.delete(recent.shift()!);
    }
    const fields = entry.changes ? changedFieldNames(entry.changes) : [];
    return {
      id: newId(),
      at: now().toISOString(),
      actorKind: entry.actor.kind,
      actorUserId: entry.actor.userId,
      actorRole: entry.actor.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      personId: entry.personId ?? null,
      reason: entry.reason ?? null,
      changes: fields.length > 0 ? { fields } : null,
      requestId: entry.requestId ?? entry.actor.requestId ?? null,
    };
  };
  return {
    async record(entry: AuditEntry) {
      const event = toEvent(entry);
      if (event) await store.append(event);
    },
    async recordMany(entries: readonly AuditEntry[]) {
      const events = entries.map(toEvent).filter((e): e is NewAuditEvent => e !== null);
      await store.appendMany(events);
    },
  };
}
