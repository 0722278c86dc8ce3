import { expect, test } from 'vitest';
import { ageBands, ageGroupOf, ageOn, bornOnOrBefore, groupOrder } from './indicators';
import { indicatorsQuery } from './indicators-query';

test('age is in completed years: the day before a birthday is still the younger age', () => {
  expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
  expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
  expect(ageOn('2000-12-31', '2026-01-01')).toBe(25);
  // Born on 29 February: a year older on 1 March of a common year.
  expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
});

test('each age falls in exactly one band, the bands touching at their edges', () => {
  const on = '2026-11-23';
  expect(ageGroupOf('2008-11-24', on)).toBe('0-17');
  expect(ageGroupOf('2008-11-23', on)).toBe('18-24');
  expect(ageGroupOf('2001-11-24', on)).toBe('18-24');
  expect(ageGroupOf('2001-11-23', on)).toBe('25-34');
  expect(ageGroupOf('1961-11-24', on)).toBe('55-64');
  expect(ageGroupOf('1961-11-23', on)).toBe('65+');
  expect(ageGroupOf('1920-01-01', on)).toBe('65+');
  for (let age = 0; age < 110; age++) {
    const born = `${2026 - age}-01-01`;
    const band = ageGroupOf(born, on);
    const i = ageBands.findIndex((b) => b.key === band);
    expect(i, `age ${age}`).toBeGreaterThanOrEqual(0);
    expect(age < (ageBands[i]!.below ?? Infinity) && age >= (i === 0 ? 0 : ageBands[i - 1]!.below!)).toBe(
      true,
    );
  }
});

test('no birth date, or one after the report date, is the unknown group, listed last', () => {
  expect(ageGroupOf(null, '2026-11-23')).toBe('unknown');
  expect(ageGroupOf('2027-01-01', '2026-11-23')).toBe('unknown');
  expect(groupOrder('ageGroup', 'unknown')).toBeGreaterThan(groupOrder('ageGroup', '65+'));
  expect(groupOrder('ageGroup', '0-17')).toBeLessThan(groupOrder('ageGroup', '18-24'));
});

test('the query takes a known breakdown and a country code, and says what is wrong otherwise', () => {
  expect(indicatorsQuery.parse({})).toEqual({ by: 'sex', format: 'json' });
  expect(indicatorsQuery.safeParse({ by: 'religion' }).success).toBe(false);
  expect(indicatorsQuery.safeParse({ country: 'iraq' }).success).toBe(false);
  expect(indicatorsQuery.parse({ by: 'ageGroup', country: 'IQ', format: 'csv' }).by).toBe('ageGroup');
});

test('a birth-date cut-off gives the same age groups as counting the years, leap days included', () => {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const days = 86_400_000;
  const disagree: string[] = [];
  for (const on of ['2026-11-23', '2028-02-29', '2027-03-01', '2026-01-01']) {
    // Every day over 70 years back: born after the cut-off for B years exactly when younger than B.
    for (let t = Date.parse(on) - 70 * 366 * days; t <= Date.parse(on); t += days) {
      const born = iso(t);
      for (const b of ageBands) {
        if (b.below === null) continue;
        if (born > bornOnOrBefore(on, b.below) !== ageOn(born, on) < b.below)
          disagree.push(`${born} on ${on}, ${b.below}`);
      }
    }
  }
  expect(disagree).toEqual([]);
});
