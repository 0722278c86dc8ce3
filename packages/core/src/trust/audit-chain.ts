/**
 * The audit trail is a hash chain: each entry's hash covers the previous entry's hash and the
 * entry's own canonical JSON, so editing, deleting or reordering any row breaks every hash after
 * it. The hash function is passed in (core stays pure); the database uses SHA-256.
 */

/** The fields of an audit entry that the hash covers (everything except the hash itself). */
export interface AuditChainEntry {
  seq: number;
  id: string;
  at: string;
  actorKind: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  personId: string | null;
  reason: string | null;
  changes: unknown;
  requestId: string | null;
  prevHash: string;
}

/** The hash before the first entry. */
export const auditGenesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and no whitespace, so that the same value always
 * gives the same text (RFC 8785 in spirit; numbers as JavaScript prints them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text an entry's hash is computed over: the previous hash, a newline, the canonical entry. */
export function auditHashInput(entry: AuditChainEntry): string {
  const {
    seq,
    id,
    at,
    actorKind,
    actorUserId,
    actorRole,
    action,
    entity,
    entityId,
    personId,
    reason,
    changes,
    requestId,
    prevHash,
  } = entry;
  const covered = {
    seq,
    id,
    at,
    actorKind,
    actorUserId,
    actorRole,
    action,
    entity,
    entityId,
    personId,
    reason,
    changes,
    requestId,
  };
  return `${prevHash}\n${canonicalJson(covered)}`;
}

export interface ChainBreak {
  seq: number;
  id: string;
  problem: 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap';
}

/**
 * Walks entries in `seq` order and reports the first break: a row whose hash is not the hash of
 * its content, a row whose `prevHash` is not the previous row's hash (a row removed or inserted),
 * or a gap in the sequence. `startHash` continues a chain checked in batches.
 */
export function findChainBreak(
  entries: readonly (AuditChainEntry & { hash: string })[],
  hash: (text: string) => string,
  start: { hash: string; seq: number | null } = { hash: auditGenesisHash, seq: null },
): { break: ChainBreak | null; lastHash: string; lastSeq: number | null; checked: number } {
  let prev = start.hash;
  let prevSeq = start.seq;
  let checked = 0;
  for (const e of entries) {
    if (prevSeq !== null && e.seq !== prevSeq + 1) {
      return {
        break: { seq: e.seq, id: e.id, problem: 'sequence_gap' },
        lastHash: prev,
        lastSeq: prevSeq,
        checked,
      };
    }
    if (e.prevHash !== prev) {
      return {
        break: { seq: e.seq, id: e.id, problem: 'previous_hash_mismatch' },
        lastHash: prev,
        lastSeq: prevSeq,
        checked,
      };
    }
    const expected = hash(auditHashInput(e));
    if (expected !== e.hash)
      return {
        break: { seq: e.seq, id: e.id, problem: 'hash_mismatch' },
        lastHash: prev,
        lastSeq: prevSeq,
        checked,
      };
    prev = e.hash;
    prevSeq = e.seq;
    checked++;
  }
  return { break: null, lastHash: prev, lastSeq: prevSeq, checked };
}

const secretLike = /pass(word)?|secret|token|totp|hash|otp|cookie|authori[sz]ation|session/i;

/**
 * What an audit entry keeps of a change: field names only, never values (values may be personal
 * data that erasure must remove, or secrets). Nested objects become dotted names; a `fields` list
 * of names (`{ fields: ['givenName', 'skills'] }`) gives those names.
 */
export function changedFieldNames(changes: unknown, prefix = ''): string[] {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(changes as Record<string, unknown>)) {
    if (
      k === 'fields' &&
      Array.isArray(v) &&
      v.every((f) => typeof f === 'string' && /^[A-Za-z0-9_.]{1,100}$/.test(f))
    ) {
      out.push(...(v as string[]).map((f) => (prefix ? `${prefix}.${f}` : f)));
      continue;
    }
    const name = prefix ? `${prefix}.${k}` : k;
    if (secretLike.test(k)) {
      out.push(name);
      continue;
    }
    if (
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).length > 0 &&
      prefix.split('.').length < 3
    ) {
      out.push(...changedFieldNames(v, name));
    } else out.push(name);
  }
  return [...new Set(out)].sort();
}
