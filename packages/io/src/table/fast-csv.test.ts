import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { expect, test } from 'vitest';
import { parseCsvFast } from './fast-csv';

test('reads quoted cells, doubled quotes, new lines inside cells and CRLF line ends', () => {
  expect(parseCsvFast('a,b\r\n"x, ""y""","line\nbreak"\r\n', ',')).toEqual([
    ['a', 'b'],
    ['x, "y"', 'line\nbreak'],
  ]);
  expect(parseCsvFast('a;b;\n1;;3', ';')).toEqual([
    ['a', 'b', ''],
    ['1', '', '3'],
  ]);
});

test('gives up (null) on a stray quote, so that csv-parse reports the error', () => {
  expect(parseCsvFast('a,b\n"x"y,z\n', ',')).toBeNull();
  expect(parseCsvFast('a,b\nx"y,z\n', ',')).toBeNull();
  expect(parseCsvFast('a,b\n"never closed\n', ',')).toBeNull();
});

test('agrees with csv-parse on any table written by csv-stringify, whenever it answers', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 2 }), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.constantFrom(',', ';', '\t'),
      (rows, delimiter) => {
        const text = stringify(rows, { delimiter, record_delimiter: '\n' });
        const expected = parse(text, {
          delimiter,
          record_delimiter: ['\r\n', '\n'],
          relax_column_count: true,
          skip_empty_lines: false,
        }) as string[][];
        // When the fast reader answers, it agrees; when it gives up, csv-parse reads the file.
        const fast = parseCsvFast(text, delimiter);
        if (fast !== null) expect(fast).toEqual(expected);
      },
    ),
  );
});
