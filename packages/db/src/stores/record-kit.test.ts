import { expect, test } from 'vitest';
import { arrayLiteral } from './record-kit';

test('an array literal quotes strings and escapes quotes and backslashes, with NULL for null', () => {
  expect(arrayLiteral(['a', 'say "hi"', 'C:\\x', null, undefined, '{a,b}', 'NULL'])).toBe(
    '{"a","say \\"hi\\"","C:\\\\x",null,null,"{a,b}","NULL"}',
  );
  expect(arrayLiteral([1.5, -2, true, false])).toBe('{1.5,-2,true,false}');
  expect(arrayLiteral([])).toBe('{}');
});

test('an array literal keeps control characters raw inside quotes (JSON would escape them)', () => {
  expect(arrayLiteral(['tab\there', 'new\nline', 'q"'])).toBe('{"tab\there","new\nline","q\\""}');
  expect(arrayLiteral([null, 'x\u0001'])).toBe('{NULL,"x\u0001"}');
});

test('an array of arrays becomes a text array of quoted array literals', () => {
  expect(arrayLiteral([['a', 'b"'], [], null])).toBe('{"{\\"a\\",\\"b\\\\\\"\\"}","{}",null}');
});
