import { expect, test } from 'vitest';
import { accuracyAt1, mean, recallAtK, reciprocalRank, rPrecisionAtK } from './metrics';

test('reciprocal rank is one over the rank of the first relevant id', () => {
  expect(reciprocalRank(['a', 'b', 'c'], new Set(['c', 'b']))).toBe(0.5);
  expect(reciprocalRank(['a'], new Set(['z']))).toBe(0);
});

test('R-precision at k divides the hits by min(k, number of gold labels)', () => {
  // One gold label found at rank 3: RP@5 = 1 (not 1/5).
  expect(rPrecisionAtK(['x', 'y', 'g', 'z'], new Set(['g']), 5)).toBe(1);
  // Seven gold labels, three in the top 5: 3/5.
  expect(rPrecisionAtK(['a', 'b', 'c', 'x', 'y'], new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g']), 5)).toBe(0.6);
  expect(rPrecisionAtK(['x'], new Set(['a', 'b']), 5)).toBe(0);
});

test('recall at k and accuracy at 1', () => {
  expect(recallAtK(['a', 'b', 'c'], new Set(['c', 'd']), 2)).toBe(0);
  expect(recallAtK(['a', 'b', 'c'], new Set(['c', 'd']), 3)).toBe(0.5);
  expect(accuracyAt1(['a', 'b'], new Set(['a']))).toBe(1);
  expect(mean([])).toBe(0);
});
