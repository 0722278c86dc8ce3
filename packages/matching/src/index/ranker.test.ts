import { describe, expect, it } from 'vitest';
import { topByBound } from './ranker';

/** The same by sorting every index: largest value first, equal values by lower index. */
function bySorting(values: Float64Array, n: number, m: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => values[j]! - values[i]! || i - j)
    .slice(0, Math.max(0, m));
}

describe('topByBound', () => {
  it('returns the m largest, largest first, equal values by lower index', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(random() * 400);
      const m = Math.floor(random() * 60);
      // Few distinct values, so that ties are common (a district's people often share a bound).
      const distinct = 1 + Math.floor(random() * 20);
      const values = new Float64Array(n + 5).map(() => Math.floor(random() * distinct) / distinct);
      expect(Array.from(topByBound(values, n, m))).toEqual(bySorting(values, n, m));
    }
  });

  it('handles nothing to pick and more wanted than there are', () => {
    const values = Float64Array.of(0.5, 0.9, 0.1);
    expect(Array.from(topByBound(values, 0, 5))).toEqual([]);
    expect(Array.from(topByBound(values, 3, 0))).toEqual([]);
    expect(Array.from(topByBound(values, 3, 10))).toEqual([1, 0, 2]);
    expect(Array.from(topByBound(values, 2, 1))).toEqual([1]);
  });
});
