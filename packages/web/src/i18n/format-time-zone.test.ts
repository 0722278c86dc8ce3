import { afterAll, expect, test } from 'vitest';

// West of Greenwich, as for a case manager in El Salvador; set before any date is formatted in this file.
const before = process.env.TZ;
process.env.TZ = 'America/El_Salvador';
const { formatDate } = await import('./format');
afterAll(() => {
  process.env.TZ = before;
});

test('a calendar day is shown as that day west of Greenwich, not the day before', () => {
  expect(new Date('2026-03-05').getDate()).toBe(4); // what the browser's own clock makes of it
  expect(formatDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
  expect(formatDate('2025-09-22', 'fr')).toBe('22 sept. 2025');
});

test('an instant is still shown in the reader’s time zone', () => {
  expect(formatDate('2026-03-05T03:00:00Z', 'en')).toBe('Mar 4, 2026');
});
