import { createHash } from 'node:crypto';
import {
  auditGenesisHash,
  auditHashInput,
  findChainBreak,
  type AuditChainEntry,
  type ChainBreak,
} from '@passerelle/core';
import type { Database } from '../database';

/** An audit entry as stored, hash included. */
export type AuditEvent = AuditChainEntry & { hash: string };

export type NewAuditEvent = Omit<AuditChainEntry, 'seq' | 'prevHash'>;

export interface AuditQuery {
  personId?: string | null;
  actorUserId?: string | null;
  entity?: string | null;
  entityId?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  /** Entries before this sequence number (the cursor of the previous page). */
  beforeSeq?: number | null;
  limit: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  break: ChainBreak | null;
  /** When an anchor was given: whether that entry is still in the chain with the same hash. */
  anchorFound?: boolean;
}

/** SHA-256 in hex, the hash of the audit chain. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface Row {
  seq: string | number;
  id: string;
  at: string | Date;
  actor_kind: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  person_id: string | null;
  reason: string | null;
  changes: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

const columns = `seq::text as seq, id, at, actor_kind, actor_user_id, actor_role, action, entity, entity_id, person_id, reason, changes, request_id, prev_hash, hash`;

function toEvent(r: Row): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorKind: r.actor_kind,
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    personId: r.person_id,
    reason: r.reason,
    changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as unknown) : (r.changes ?? null),
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Rows per insert in `appendMany`: 15 parameters a row stays far below PostgreSQL's 65,535. */
export const appendChunkRows = 500;

const insertColumns =
  'seq, id, at, actor_kind, actor_user_id, actor_role, action, entity, entity_id, person_id, reason, changes, request_id, prev_hash, hash';

/** Chains the entries after the current head and inserts them, all in one locked transaction. */
async function appendChained(database: Database, entries: readonly NewAuditEvent[]): Promise<AuditEvent[]> {
  return database.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(727275)');
    const [last] = await tx.query<{ seq: string; hash: string }>(
      'select seq::text as seq, hash from audit_events order by audit_events.seq desc limit 1',
    );
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last?.hash ?? auditGenesisHash;
    const out: AuditEvent[] = [];
    for (const entry of entries) {
      const chained: AuditChainEntry = {
        ...entry,
        at: new Date(entry.at).toISOString(),
        changes: entry.changes ?? null,
        seq: ++seq,
        prevHash,
      };
      const hash = sha256Hex(auditHashInput(chained));
      out.push({ ...chained, hash });
      prevHash = hash;
    }
    for (let from = 0; from < out.length; from += appendChunkRows) {
      const chunk = out.slice(from, from + appendChunkRows);
      const params: unknown[] = [];
      const rows = chunk.map((e) => {
        const at = params.length;
        params.push(
          e.seq,
          e.id,
          e.at,
          e.actorKind,
          e.actorUserId,
          e.actorRole,
          e.action,
          e.entity,
          e.entityId,
          e.personId,
          e.reason,
          e.changes === null ? null : JSON.stringify(e.changes),
          e.requestId,
          e.prevHash,
          e.hash,
        );
        const p = (i: number) => `$${at + i}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}::jsonb, ${p(13)}, ${p(14)}, ${p(15)})`;
      });
      await tx.query(`insert into audit_events (${insertColumns}) values ${rows.join(', ')}`, params);
    }
    return out;
  });
}

/** The hash-chained, append-only audit trail. */
export function createAuditStore(database: Database) {
  return {
    /** Appends one entry at the head of the chain (serialised by a transaction-scoped lock). */
    async append(entry: NewAuditEvent): Promise<AuditEvent> {
      const [appended] = await appendChained(database, [entry]);
      return appended!;
    },
    /**
     * Appends many entries in order, in one transaction under the same lock, written by
     * multi-row inserts of up to `appendChunkRows` rows (e.g. the closures of a large import).
     */
    async appendMany(entries: readonly NewAuditEvent[]): Promise<AuditEvent[]> {
      if (entries.length === 0) return [];
      return appendChained(database, entries);
    },
    /** Newest first, filtered; `nextBeforeSeq` continues the list. */
    async list(q: AuditQuery): Promise<{ items: AuditEvent[]; nextBeforeSeq: number | null }> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sqlText: string, v: unknown) => {
        params.push(v);
        where.push(sqlText.replace('?', `$${params.length}`));
      };
      if (q.personId) add('person_id = ?', q.personId);
      if (q.actorUserId) add('actor_user_id = ?', q.actorUserId);
      if (q.entity) add('entity = ?', q.entity);
      if (q.entityId) add('entity_id = ?', q.entityId);
      if (q.action) add('action = ?', q.action);
      if (q.from) add('at >= ?', q.from);
      if (q.to) add('at < ?', q.to);
      if (q.beforeSeq) add('seq < ?', q.beforeSeq);
      params.push(q.limit + 1);
      const rows = await database.query<Row>(
        `select ${columns} from audit_events ${where.length ? `where ${where.join(' and ')}` : ''} order by audit_events.seq desc limit $${params.length}`,
        params,
      );
      const items = rows.slice(0, q.limit).map(toEvent);
      return { items, nextBeforeSeq: rows.length > q.limit ? (items[items.length - 1]?.seq ?? null) : null };
    },
    /**
     * Checks the whole chain in order, in batches. With an anchor (a `seq` and `hash` noted
     * earlier, e.g. from a previous run), also checks that the entry is still there unchanged:
     * that detects the removal of the newest entries, which a chain alone cannot.
     */
    async verify(anchor?: { seq: number; hash: string }): Promise<AuditVerification> {
      let start = { hash: auditGenesisHash, seq: null as number | null };
      let checked = 0;
      let anchorFound: boolean | undefined = anchor ? false : undefined;
      let first = true;
      for (;;) {
        const rows = await database.query<Row>(
          `select ${columns} from audit_events ${start.seq === null ? '' : 'where seq > $2'} order by audit_events.seq limit $1`,
          start.seq === null ? [2000] : [2000, start.seq],
        );
        if (rows.length === 0) break;
        const events = rows.map(toEvent);
        if (first && events[0] && events[0].seq !== 1) {
          return {
            ok: false,
            checked,
            head: null,
            break: { seq: events[0].seq, id: events[0].id, problem: 'sequence_gap' },
            anchorFound,
          };
        }
        first = false;
        if (anchor) for (const e of events) if (e.seq === anchor.seq) anchorFound = e.hash === anchor.hash;
        const result = findChainBreak(events, sha256Hex, start);
        checked += result.checked;
        if (result.break) return { ok: false, checked, head: null, break: result.break, anchorFound };
        start = { hash: result.lastHash, seq: result.lastSeq };
      }
      const head = start.seq === null ? null : { seq: start.seq, hash: start.hash };
      return { ok: anchorFound !== false, checked, head, break: null, anchorFound };
    },
  };
}
export type AuditStore = ReturnType<typeof createAuditStore>;
