import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DocumentGroups } from './collection';

test('captured summaries, merged in chunks, equal those committed one document at a time', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          key: fc.integer({ min: -1, max: 4 }),
          items: fc.array(
            fc.tuple(
              fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 1 << 23 })),
              fc.double({ min: 0, max: 1, noNaN: true }),
            ),
            { maxLength: 30 },
          ),
          mergeAfter: fc.boolean(),
        }),
        { maxLength: 60 },
      ),
      (docs) => {
        const one = new DocumentGroups();
        const captured = new DocumentGroups();
        docs.forEach((doc, slot) => {
          one.begin();
          for (const [item, value] of doc.items) one.sink(item, value);
          one.commit(slot, doc.key);
          for (const [item, value] of doc.items) captured.captureSink(item, value);
          captured.capture(slot, doc.key);
          if (doc.mergeAfter) captured.mergeCaptured();
        });
        captured.mergeCaptured();
        const a = one.flat();
        const b = captured.flat();
        // Same groups, same items in the same order, same (rounded-up) values.
        expect([...b.start]).toEqual([...a.start]);
        expect([...b.items]).toEqual([...a.items]);
        expect([...b.values]).toEqual([...a.values]);
        expect([...captured.bySlot.subarray(0, docs.length)]).toEqual([
          ...one.bySlot.subarray(0, docs.length),
        ]);
      },
    ),
    { numRuns: 300 },
  );
});
