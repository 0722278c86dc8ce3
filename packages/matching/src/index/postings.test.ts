import { expect, test } from 'vitest';
import { encodeScale, PARTITIONS, PostingList, SCALE_DECODE } from './postings';

test('a scale code never decodes below the scale, and stays within 1 % above it', () => {
  let state = 3;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 10_000; i++) {
    const scale = i < 200 ? 1 / (1 + i / 2) : next() * 4;
    const decoded = SCALE_DECODE[encodeScale(scale)]!;
    expect(decoded).toBeGreaterThanOrEqual(scale);
    expect(decoded).toBeLessThanOrEqual(scale * 1.01);
  }
  expect(SCALE_DECODE[encodeScale(0)]).toBe(0);
});

test('a long list groups its postings by partition, in slot order within each, and keeps them grouped when compacted', () => {
  const partition = new Uint8Array(100).map((_, slot) => (slot * 7) % 5);
  const list = new PostingList(0, 4, true);
  for (let slot = 0; slot < 100; slot++) list.push(slot, 1 / (1 + slot));
  list.segment(partition, 10);
  const seg = list.segments!;
  expect(seg[PARTITIONS]).toBe(100);
  for (let p = 0; p < PARTITIONS; p++) {
    const docs = Array.from(list.docs.subarray(seg[p]!, seg[p + 1]!));
    expect(docs.every((d) => partition[d] === p)).toBe(true);
    expect(docs).toEqual([...docs].sort((a, b) => a - b));
    // Scales move with their documents.
    for (let i = seg[p]!; i < seg[p + 1]!; i++)
      expect(SCALE_DECODE[list.impacts![i]!]).toBeGreaterThanOrEqual(1 / (1 + list.docs[i]!));
  }
  const alive = new Uint8Array(100).map((_, slot) => (slot % 3 === 0 ? 0 : 1));
  list.compact(alive, partition, 10);
  expect(list.length).toBe(66);
  const after = list.segments!;
  for (let p = 0; p < PARTITIONS; p++)
    expect(
      Array.from(list.docs.subarray(after[p]!, after[p + 1]!)).every(
        (d) => partition[d] === p && alive[d] === 1,
      ),
    ).toBe(true);
});

test('a short list is not grouped', () => {
  const list = new PostingList(0);
  for (let slot = 0; slot < 5; slot++) list.push(slot, 0);
  list.segment(new Uint8Array(5), 10);
  expect(list.segments).toBeNull();
});
