import { expect, test } from 'vitest';
import type { AuditStore, NewAuditEvent } from '@passerelle/db';
import { systemActor } from './policy';
import { recordAuditEntries, type AuditEntry } from './ports';
import { createAuditSink } from './services';

/** A store that keeps what each call was given. */
function recordingStore() {
  const calls: { method: 'append' | 'appendMany'; events: NewAuditEvent[] }[] = [];
  const store = {
    append: async (e: NewAuditEvent) => void calls.push({ method: 'append', events: [e] }),
    appendMany: async (es: readonly NewAuditEvent[]) =>
      void calls.push({ method: 'appendMany', events: [...es] }),
  } as unknown as AuditStore;
  return { store, calls };
}

const entry = (extra: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: { ...systemActor, requestId: 'cli:test' },
  action: 'close_case',
  entity: 'person',
  entityId: 'p-1',
  personId: 'p-1',
  changes: { fields: ['caseClosure'], via: 'import' },
  ...extra,
});

test('the audit sink writes many entries with one call to the store, in order, keeping field names only', async () => {
  const { store, calls } = recordingStore();
  let n = 0;
  const sink = createAuditSink(
    store,
    () => new Date('2026-11-22T12:00:00Z'),
    () => `id-${++n}`,
  );
  const many = Array.from({ length: 25 }, (_, i) => entry({ entityId: `p-${i}`, personId: `p-${i}` }));
  await recordAuditEntries(sink, many);
  expect(calls.map((c) => [c.method, c.events.length])).toEqual([['appendMany', 25]]);
  expect(calls[0]!.events.map((e) => e.entityId)).toEqual(many.map((e) => e.entityId));
  expect(calls[0]!.events[0]).toMatchObject({
    id: 'id-1',
    actorKind: 'system',
    actorUserId: null,
    requestId: 'cli:test',
    changes: { fields: ['caseClosure', 'via'] },
  });
});

test('a batch drops a read already recorded in the same request, as single records do', async () => {
  const { store, calls } = recordingStore();
  const sink = createAuditSink(
    store,
    () => new Date(),
    () => 'id',
  );
  const read = entry({ action: 'read', requestId: 'req-1', changes: null });
  await sink.record(read);
  await sink.recordMany!([read, entry({ requestId: 'req-1' })]);
  expect(calls.map((c) => [c.method, c.events.map((e) => e.action)])).toEqual([
    ['append', ['read']],
    ['appendMany', ['close_case']],
  ]);
});

test('a sink that writes one entry at a time gets every entry of a batch, in order', async () => {
  const got: string[] = [];
  await recordAuditEntries({ record: async (e) => void got.push(e.entityId ?? '') }, [
    entry({ entityId: 'a' }),
    entry({ entityId: 'b' }),
    entry({ entityId: 'c' }),
  ]);
  expect(got).toEqual(['a', 'b', 'c']);
});
