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

/** The hash-chained, append-only audit trail. */
export function createAuditStore(database: Database) {
  return {
    /** Appends one entry at the head of the chain (serialised by a transaction-scoped lock). */
    async append(entry: NewAuditEvent): Promise<AuditEvent> {
      return database.transaction(async (tx) => {
        if (database.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(727275)');
        const [last] = await tx.query<{ seq: string; hash: string }>(
          'select seq::text as seq, hash from audit_events order by audit_events.seq desc limit 1',
        );
        const chained: AuditChainEntry = {
          ...entry,
          at: new Date(entry.at).toISOString(),
          changes: entry.changes ?? null,
          seq: last ? Number(last.seq) + 1 : 1,
          prevHash: last?.hash ?? auditGenesisHash,
        };
        const hash = sha256Hex(auditHashInput(chained));
        await tx.query(
          `insert into audit_events (seq, id, at, actor_kind, actor_user_id, actor_role, action, entity, entity_id, person_id, reason, changes, request_id, prev_hash, hash)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15)`,
          [
            chained.seq,
            chained.id,
            chained.at,
            chained.actorKind,
            chained.actorUserId,
            chained.actorRole,
            chained.action,
            chained.entity,
            chained.entityId,
            chained.personId,
            chained.reason,
            chained.changes === null ? null : JSON.stringify(chained.changes),
            chained.requestId,
            chained.prevHash,
            hash,
          ],
        );
        return { ...chained, hash };
      });
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
