import { expect, test } from 'vitest';
import { compileMapping, parseMapping } from './mapping';

const header = ['Ref', 'Titel', 'Datum', 'Loon', 'Straat', 'Nr', 'Contract', 'Skills'];

test('a mapping fills our columns from source columns, templates, constants and tables', () => {
  const mapping = parseMapping({
    kind: 'vacancies',
    columns: {
      external_id: { column: 'ref', prefix: 'vdab-' },
      title: 'Titel',
      posted_on: { column: 'Datum', dateFormat: 'DD/MM/YYYY' },
      wage_min: { column: 'Loon', decimalSeparator: ',' },
      address: { template: '{Straat} {Nr}' },
      country: { value: 'BE' },
      contract_type: { column: 'Contract', map: { Vast: 'permanent', Tijdelijk: 'fixed_term' } },
      essential_skills: { column: 'Skills', listSeparator: ',' },
    },
  });
  const compiled = compileMapping(mapping, { header });
  expect(
    compiled.apply(['17', 'Lasser', '3/9/2026', '2.345,50', 'Meir', '12', 'vast', 'lassen, slijpen']),
  ).toEqual({
    cells: {
      external_id: 'vdab-17',
      title: 'Lasser',
      posted_on: '2026-09-03',
      wage_min: '2345.50',
      address: 'Meir 12',
      country: 'BE',
      contract_type: 'permanent',
      essential_skills: 'lassen; slijpen',
    },
    issues: [],
  });
});

test('values missing from a translation table and unreadable dates are reported by target column', () => {
  const compiled = compileMapping(
    parseMapping({
      columns: {
        contract_type: { column: 'Contract', map: { Vast: 'permanent' } },
        posted_on: { column: 'Datum', dateFormat: 'DD/MM/YYYY' },
      },
    }),
    { header },
  );
  const { issues } = compiled.apply(['', '', 'yesterday', '', '', '', 'Interim', '']);
  expect(issues.map((i) => `${String(i.path[0])}:${i.code}`)).toEqual([
    'contract_type:unmapped_value',
    'posted_on:invalid_date',
  ]);
});

test('a mapping naming a column the file lacks, or with an unknown option, is refused', () => {
  expect(() => compileMapping(parseMapping({ columns: { title: 'Job' } }), { header })).toThrow(
    expect.objectContaining({ code: 'invalid_file', details: expect.objectContaining({ column: 'Job' }) }),
  );
  expect(() => parseMapping({ columns: { title: { column: 'Titel', colour: 'red' } } })).toThrow();
  expect(() => parseMapping({ columns: { title: { column: 'Titel', value: 'x' } } })).toThrow();
});
