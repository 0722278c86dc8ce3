import { selectExpiredPeople, type RetentionDecision } from '@passerelle/core';
import {
  createApiTokenStore,
  createAuditStore,
  createConsentStore,
  createPasswordResetStore,
  createRetentionRuleStore,
  createSessionStore,
  createUserStore,
  type Database,
} from '@passerelle/db';
import type { Actor } from './policy';
import type { AuditSink } from './ports';
import type { TrustRegistry } from './registry';
import { secretFields } from '@passerelle/core';
import { userRecord } from './user-record';

export interface PersonExport {
  personId: string;
  exportedAt: string;
  sections: Record<string, unknown>;
}

export interface RetentionReport {
  ranAt: string;
  erased: (RetentionDecision & { removed: Record<string, number> })[];
  sessionsRemoved: number;
  tokensRemoved: number;
  resetLinksRemoved: number;
}

/** Registers what trust itself holds about a person: consents, their sign-in account, the audit entries about them. */
export function registerTrustPersonData(registry: TrustRegistry, database: Database): void {
  const consents = createConsentStore(database.db);
  const users = createUserStore(database.db);
  const audit = createAuditStore(database);
  registry.registerPersonData({
    name: 'consents',
    priority: 50,
    export: (personId) => consents.listForPerson(personId),
    erase: (personId) => consents.eraseForPerson(personId),
  });
  registry.registerPersonData({
    name: 'account',
    priority: 60,
    async export(personId) {
      return (await users.listByPerson(personId)).map((u) => {
        const r = userRecord(u);
        for (const f of secretFields) delete r[f];
        return r;
      });
    },
    async erase(personId) {
      const accounts = await users.listByPerson(personId);
      for (const u of accounts) await users.delete(u.id);
      return accounts.length;
    },
  });
  registry.registerPersonData({
    name: 'audit_trail',
    async export(personId) {
      const out: unknown[] = [];
      let before: number | null = null;
      for (;;) {
        const page = await audit.list({ personId, limit: 500, beforeSeq: before });
        out.push(
          ...page.items.map(({ seq, at, actorRole, action, entity, entityId, reason }) => ({
            seq,
            at,
            actorRole,
            action,
            entity,
            entityId,
            reason,
          })),
        );
        if (!page.nextBeforeSeq) break;
        before = page.nextBeforeSeq;
      }
      return out;
    },
    // The audit trail is append-only and holds ids and field names only; erasure adds a tombstone.
  });
}

/** Export, erasure and retention over everything registered in the trust registry. */
export function createDataRights(deps: {
  database: Database;
  registry: TrustRegistry;
  audit: AuditSink;
  now: () => Date;
}) {
  async function exportPerson(personId: string): Promise<PersonExport> {
    const sections: Record<string, unknown> = {};
    for (const source of deps.registry.personData) {
      if (source.export) sections[source.name] = (await source.export(personId)) ?? null;
    }
    return { personId, exportedAt: deps.now().toISOString(), sections };
  }

  /** Erases a person from every registered module and leaves a tombstone in the audit trail (ids only). */
  async function erasePerson(
    personId: string,
    actor: Actor,
    reason: string,
  ): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const source of deps.registry.erasureOrder()) {
      if (source.erase) removed[source.name] = await source.erase(personId);
    }
    await deps.audit.record({
      actor,
      action: 'erase',
      entity: 'person',
      entityId: personId,
      personId,
      reason,
      changes: removed,
      requestId: actor.requestId ?? null,
    });
    return removed;
  }

  /** Applies the retention rules: erases expired people and purges dead sessions, tokens and reset links. */
  async function runRetention(actor: Actor): Promise<RetentionReport> {
    const now = deps.now();
    const rules = await createRetentionRuleStore(deps.database.db).list();
    const candidates = (
      await Promise.all(deps.registry.retentionSources.map((s) => s.listCandidates()))
    ).flat();
    const decisions = selectExpiredPeople(candidates, rules, now);
    const erased: RetentionReport['erased'] = [];
    for (const d of decisions) {
      const removed = await erasePerson(d.personId, actor, `retention rule ${d.rule} (${d.because})`);
      erased.push({ ...d, removed });
    }
    // Dead credentials are kept 30 days for investigations, then removed.
    const before = new Date(now.getTime() - 30 * 86_400_000);
    const sessionsRemoved = await createSessionStore(deps.database.db).purge(before);
    const tokensRemoved = await createApiTokenStore(deps.database.db).purge(before);
    const resetLinksRemoved = await createPasswordResetStore(deps.database.db).purge(before);
    await deps.audit.record({
      actor,
      action: 'retention_run',
      entity: 'retention',
      entityId: null,
      changes: { erased: erased.length, sessionsRemoved, tokensRemoved, resetLinksRemoved },
      requestId: actor.requestId ?? null,
    });
    return { ranAt: now.toISOString(), erased, sessionsRemoved, tokensRemoved, resetLinksRemoved };
  }

  return { exportPerson, erasePerson, runRetention };
}
export type DataRights = ReturnType<typeof createDataRights>;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const human = (key: string) =>
  key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase());

function renderValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined || v === '') return '<span class="empty">—</span>';
  if (typeof v !== 'object') return esc(String(v));
  if (depth > 6) return esc(JSON.stringify(v));
  if (Array.isArray(v)) {
    if (v.length === 0) return '<span class="empty">none</span>';
    return `<ol>${v.map((x) => `<li>${renderValue(x, depth + 1)}</li>`).join('')}</ol>`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '<span class="empty">—</span>';
  return `<dl>${entries.map(([k, x]) => `<dt>${esc(human(k))}</dt><dd>${renderValue(x, depth + 1)}</dd>`).join('')}</dl>`;
}

/** A readable, printable HTML document of a person's export (everything escaped; no scripts). */
export function renderExportHtml(data: PersonExport): string {
  const sections = Object.entries(data.sections)
    .map(([name, value]) => `<section><h2>${esc(human(name))}</h2>${renderValue(value)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data held about person ${esc(data.personId)}</title>
<style>body{font-family:system-ui,sans-serif;max-inline-size:50rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
dt{font-weight:600;margin-block-start:.5rem}dd{margin-inline-start:1rem}.empty{color:#666}section{border-block-start:1px solid #ccc;margin-block-start:1.5rem}
@media print{body{margin:0}}</style></head>
<body><h1>Data held about you in Passerelle</h1>
<p>Person ${esc(data.personId)} · exported ${esc(data.exportedAt)}. This document lists everything Passerelle holds about this person, section by section.</p>
${sections}
</body></html>`;
}
