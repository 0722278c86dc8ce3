import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  auditGenesisHash,
  auditHashInput,
  canonicalJson,
  changedFieldNames,
  findChainBreak,
  type AuditChainEntry,
} from './audit-chain';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number) {
  const out: (AuditChainEntry & { hash: string })[] = [];
  let prev = auditGenesisHash;
  for (let i = 1; i <= n; i++) {
    const e: AuditChainEntry = {
      seq: i,
      id: `e${i}`,
      at: '2026-01-01T00:00:00.000Z',
      actorKind: 'user',
      actorUserId: 'u1',
      actorRole: 'case_manager',
      action: 'read',
      entity: 'person',
      entityId: 'p1',
      personId: 'p1',
      reason: null,
      changes: null,
      requestId: null,
      prevHash: prev,
    };
    const hash = sha(auditHashInput(e));
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

test('canonical JSON sorts keys at every level', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

test('an intact chain verifies; an edited, deleted or reordered row breaks it', () => {
  const rows = chain(5);
  expect(findChainBreak(rows, sha)).toMatchObject({ break: null, checked: 5 });
  const edited = rows.map((r) => (r.seq === 3 ? { ...r, action: 'update' } : r));
  expect(findChainBreak(edited, sha).break).toEqual({ seq: 3, id: 'e3', problem: 'hash_mismatch' });
  const deleted = rows.filter((r) => r.seq !== 2);
  expect(findChainBreak(deleted, sha).break?.problem).toBe('sequence_gap');
  const deletedAndRenumbered = deleted.map((r, i) => ({ ...r, seq: i + 1 }));
  expect(findChainBreak(deletedAndRenumbered, sha).break?.seq).toBe(2);
  expect(findChainBreak(deletedAndRenumbered, sha).break?.problem).toBe('previous_hash_mismatch');
});

test('audit changes keep field names, never values', () => {
  expect(changedFieldNames({ givenName: 'Amina', password: 'x', address: { city: 'Tbilisi' } })).toEqual([
    'address.city',
    'givenName',
    'password',
  ]);
  // A list of changed field names is kept as those names; anything else in a list is a value.
  expect(changedFieldNames({ fields: ['givenName', 'skills'] })).toEqual(['givenName', 'skills']);
  expect(changedFieldNames({ fields: ['Amina Diallo, born 1990'] })).toEqual(['fields']);
  expect(changedFieldNames({ personIds: ['p1', 'p2'] })).toEqual(['personIds']);
});
