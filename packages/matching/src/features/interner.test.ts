import { expect, test } from 'vitest';
import { Interner } from './interner';

test('interning gives dense ids, the same id for the same string, and finds them back', () => {
  const it = new Interner(['a', 'b']);
  expect(it.intern('b')).toBe(1);
  expect(it.intern('c')).toBe(2);
  expect(it.find('a')).toBe(0);
  expect(it.find('zzz')).toBe(-1);
  expect(it.value(2)).toBe('c');
  expect(() => it.value(3)).toThrow(RangeError);
});

test('thousands of URIs sharing a long prefix and the same ending all keep distinct ids', () => {
  const it = new Interner();
  const uris = Array.from(
    { length: 5000 },
    (_, i) => `http://data.europa.eu/esco/skill/${i}-0000-0000-0000-000000000000`,
  );
  uris.forEach((u, i) => expect(it.intern(u)).toBe(i));
  uris.forEach((u, i) => expect(it.find(`${u}`)).toBe(i));
  expect(it.clone().find(uris[4999]!)).toBe(4999);
});

test('strings of one length that differ only before a long shared ending keep distinct ids', () => {
  const it = new Interner();
  const strings = Array.from(
    { length: 3000 },
    (_, i) => `${String(i).padStart(6, '0')}${'-same-ending'.repeat(3)}`,
  );
  strings.forEach((s, i) => expect(it.intern(s)).toBe(i));
  strings.forEach((s, i) => expect(it.find(`${s}`)).toBe(i));
  expect(it.find(`999999${'-same-ending'.repeat(3)}`)).toBe(-1);
  expect(it.size).toBe(3000);
});

test('interning a list gives the ids one intern after another would, new ones in order', () => {
  const one = new Interner(['x', 'y']);
  const all = new Interner(['x', 'y']);
  const values = ['y', 'a', 'x', 'b', 'a', 'c'];
  const out = new Int32Array(values.length);
  all.internAll(values, out);
  expect(Array.from(out)).toEqual(values.map((v) => one.intern(v)));
  expect(all.values).toEqual(one.values);
});

test('interning a list stays right when the table switches to whole-string hashing on the way', () => {
  const strings = Array.from(
    { length: 500 },
    (_, i) => `${String(i).padStart(4, '0')}${'-same-ending'.repeat(2)}`,
  );
  const it = new Interner();
  const out = new Int32Array(strings.length * 2);
  it.internAll([...strings, ...strings], out);
  expect(Array.from(out)).toEqual([...strings.keys(), ...strings.keys()]);
  expect(it.size).toBe(500);
});
