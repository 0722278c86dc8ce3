import { expect, test } from 'vitest';
import { encodeScale, SCALE_DECODE } from './postings';

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
