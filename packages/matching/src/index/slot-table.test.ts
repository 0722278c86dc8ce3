import { expect, test } from 'vitest';
import { SlotTable } from './slot-table';

test('the slot table behaves like a map from id to slot through puts, replacements and deletes', () => {
  const ids: string[] = [];
  const table = new SlotTable(() => ids);
  const model = new Map<string, number>();
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  for (let step = 0; step < 20_000; step++) {
    const id = `doc-${next() % 3000}`;
    if (next() % 4 === 0) {
      expect(table.delete(id)).toBe(model.delete(id));
    } else {
      ids.push(id);
      table.set(id, ids.length - 1);
      model.set(id, ids.length - 1);
    }
  }
  expect(table.size).toBe(model.size);
  for (const [id, slot] of model) expect(table.get(id)).toBe(slot);
  expect(table.get('absent')).toBeUndefined();
  expect(table.has('absent')).toBe(false);
  expect([...table.keys()].sort()).toEqual([...model.keys()].sort());
});
