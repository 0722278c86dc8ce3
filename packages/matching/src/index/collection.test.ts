import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DocumentGroups } from './collection';

test('summaries merged a group at a time equal those committed one document at a time, in order', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          key: fc.integer({ min: -1, max: 4 }),
          items: fc.array(
            fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true })),
            { maxLength: 30 },
          ),
        }),
        { maxLength: 60 },
      ),
      fc.nat(60),
      (docs, split) => {
        const one = new DocumentGroups();
        docs.forEach((doc, slot) => {
          one.begin();
          for (const [item, value] of doc.items) one.sink(item, value);
          one.commit(slot, doc.key);
        });
        // The same documents in two bulk loads (the first ends at `split`).
        const bulk = new DocumentGroups();
        const alive = new Uint8Array(docs.length).fill(1);
        const items = (slot: number, sink: (item: number, value: number) => void) => {
          for (const [item, value] of docs[slot]!.items) sink(item, value);
        };
        const cut = Math.min(split, docs.length);
        for (const [from, to] of [
          [0, cut],
          [cut, docs.length],
        ] as const) {
          for (let slot = from; slot < to; slot++) bulk.assign(slot, docs[slot]!.key);
          bulk.mergeSlots(from, to, alive, items);
        }
        const a = one.flat();
        const b = bulk.flat();
        expect([...b.start]).toEqual([...a.start]);
        expect([...b.items]).toEqual([...a.items]);
        expect([...b.values]).toEqual([...a.values]);
        expect([...bulk.bySlot.subarray(0, docs.length)]).toEqual([...one.bySlot.subarray(0, docs.length)]);
      },
    ),
    { numRuns: 300 },
  );
});
