import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTaxonomyStore, snapshotTables, type Database } from '@passerelle/db';
import { loadStarterCatalogue } from '@passerelle/taxonomy';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { exportRecords } from '../export/export-records';
import { importMappingSchema, readMappingFile } from '../mapping/mapping';
import { readTableFile, readTableFromBuffer, writeTableToBuffer, type TableFormat } from '../table/table';
import { importTable, type ImportReport } from './import-records';
import { createOccupationCoder } from './occupation-coder';

const fixtures = fileURLToPath(new URL('../../fixtures/pes-vacancies/', import.meta.url));

async function csv(rows: string[][]) {
  return readTableFromBuffer(await writeTableToBuffer('csv', rows[0]!, rows.slice(1)), 'csv');
}

const employersFile = [
  [
    'external_id',
    'name',
    'country',
    'sector_isic',
    'sector_label',
    'size',
    'city',
    'contacts',
    'vetting_status',
    'extra',
  ],
  [
    'emp-1',
    'Garage Rustaveli',
    'GE',
    '45',
    'Repair of motor vehicles',
    'small',
    'Kutaisi',
    'Nino Beridze | Manager | +995 555 123456',
    'vetted',
    '{"demo":true}',
  ],
  ['emp-2', 'Boulangerie Diop', 'SN', '10', '', 'micro', 'Thiès', '', '', ''],
];

const vacancyHeader = [
  'external_id',
  'employer_external_id',
  'title',
  'occupation_label',
  'occupation_uri',
  'occupation_isco',
  'essential_skills',
  'languages',
  'country',
  'city',
  'latitude',
  'longitude',
  'contract_type',
  'wage_min',
  'wage_max',
  'wage_currency',
  'wage_period',
  'shifts',
  'seats',
  'posted_on',
  'apply_by',
  'at_home_possible',
  'required_languages',
];
const vacancyRows = [
  [
    'v-1',
    'emp-1',
    'Car mechanic',
    'car mechanic',
    'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1',
    '7231',
    'repair engines <http://data.europa.eu/esco/skill/abc>; diagnose faults',
    'ka:B1; ru',
    'GE',
    'Kutaisi',
    '42.27',
    '42.7',
    'permanent',
    '900',
    '1200',
    'GEL',
    'month',
    'day; weekend',
    '2',
    '2026-09-01',
    '2026-10-01',
    'false',
    'ka:A2',
  ],
  [
    'v-2',
    'emp-2',
    'Baker',
    'boulanger',
    '',
    '7512',
    'pétrir la pâte',
    'fr:A2',
    'SN',
    'Thiès',
    '',
    '',
    'fixed_term',
    '90000',
    '',
    'XOF',
    'month',
    '',
    '',
    '2026-09-03',
    '',
    'no',
    '',
  ],
  [
    'v-3',
    'emp-2',
    'Pastry cook',
    '',
    '',
    '',
    '',
    '',
    'SN',
    'Thiès',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '3',
    '',
    '',
    '',
    '',
  ],
];

const peopleFile = [
  [
    'external_id',
    'given_name',
    'family_name',
    'other_names',
    'sex',
    'birth_date',
    'nationalities',
    'phone',
    'return_country',
    'host_country',
    'skills',
    'languages',
    'driving_licences',
    'declared_none',
  ],
  [
    'p-1',
    'Karwan',
    'Ahmed',
    '[{"value":"کاروان ئەحمەد","script":"arabic","kind":"transliteration"}]',
    'male',
    '1990-04-17',
    'IQ',
    '+964 750 123 4567',
    'IQ',
    'BE',
    'masonry <urn:passerelle:skill:masonry>; use hand tools',
    '[{"language":"ckb","motherTongue":true,"listening":"C2"}]',
    'B',
    '',
  ],
  [
    'p-2',
    'Fatou',
    'Diop',
    '',
    'female',
    '',
    'SN',
    '',
    'SN',
    'FR',
    '[{"label":"sewing","proficiency":"advanced"}]',
    '',
    '',
    'drivingLicences',
  ],
];

describe.each(testDatabaseKinds())('import and export on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    const employers = await importTable(database, { kind: 'employers', table: await csv(employersFile) });
    expect(employers.issues).toEqual([]);
    expect(employers.created).toBe(2);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('importing the same file twice leaves the database identical', async () => {
    const vacancies = await csv([vacancyHeader, ...vacancyRows]);
    const people = await csv(peopleFile);
    const first = await importTable(database, { kind: 'vacancies', table: vacancies });
    expect(first.issues).toEqual([]);
    expect(first.created).toBe(3);
    expect((await importTable(database, { kind: 'people', table: people })).created).toBe(2);
    const before = await snapshotTables(database);
    const again = await importTable(database, { kind: 'vacancies', table: vacancies });
    const peopleAgain = await importTable(database, { kind: 'people', table: people });
    const employersAgain = await importTable(database, {
      kind: 'employers',
      table: await csv(employersFile),
    });
    expect([again.unchanged, peopleAgain.unchanged, employersAgain.unchanged]).toEqual([3, 2, 2]);
    expect(again.created + again.updated + peopleAgain.created + peopleAgain.updated).toBe(0);
    expect(await snapshotTables(database)).toEqual(before);
  });

  test('a case closure dated after today or with an unknown reason is an issue of its row, and nothing is written', async () => {
    const closure = (on: string, reason: string) => JSON.stringify({ on, reason });
    const file = await csv([
      ['external_id', 'given_name', 'family_name', 'case_closure'],
      ['cc-1', 'Closed', 'Before', closure('2026-03-01', 'moved_away')],
      ['cc-2', 'Closed', 'Later', closure('2026-03-11', 'moved_away')],
      ['cc-3', 'Closed', 'Why', closure('2026-03-01', 'bored')],
    ]);
    const report = await importTable(database, { kind: 'people', table: file, today: '2026-03-10' });
    expect(report.committed).toBe(false);
    expect(report.invalidRows).toBe(2);
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 3, externalId: 'cc-2', field: 'case_closure', code: 'date_in_future' }),
      expect.objectContaining({ row: 4, externalId: 'cc-3', field: 'case_closure', code: 'invalid_value' }),
    ]);
    const stored = (await database.db.execute(
      sql`select count(*)::int as n from people where external_id like 'cc-%'`,
    )) as unknown as { rows: { n: number }[] };
    expect(stored.rows[0]!.n).toBe(0);
    const valid = await importTable(database, {
      kind: 'people',
      table: await csv([
        ['external_id', 'given_name', 'family_name', 'case_closure'],
        ['cc-1', 'Closed', 'Before', closure('2026-03-10', 'moved_away')],
      ]),
      today: '2026-03-10',
    });
    expect(valid).toMatchObject({ committed: true, created: 1, issues: [] });
  });

  test('the report names the cases a file closes or reopens, row by row, as the endpoints would audit them', async () => {
    const closure = (on: string, reason: string) => JSON.stringify({ on, reason });
    const header = ['external_id', 'given_name', 'family_name', 'case_closure'];
    const first = await importTable(database, {
      kind: 'people',
      table: await csv([
        header,
        ['ccc-1', 'Open', 'Then closed', ''],
        ['ccc-2', 'Closed', 'Then reopened', closure('2026-03-01', 'moved_away')],
        ['ccc-3', 'Closed', 'Then changed', closure('2026-03-01', 'moved_away')],
        ['ccc-4', 'Closed', 'Unchanged', closure('2026-03-01', 'deceased')],
      ]),
      today: '2026-03-10',
    });
    expect(first.committed).toBe(true);
    const idOf = (externalId: string) => first.outcomes.find((o) => o.externalId === externalId)!.id;
    // New people imported closed are closed cases (a migration of old records): a close each.
    expect(first.caseClosureChanges).toEqual([
      { row: 3, externalId: 'ccc-2', id: idOf('ccc-2'), action: 'close_case' },
      { row: 4, externalId: 'ccc-3', id: idOf('ccc-3'), action: 'close_case' },
      { row: 5, externalId: 'ccc-4', id: idOf('ccc-4'), action: 'close_case' },
    ]);
    const second = await importTable(database, {
      kind: 'people',
      table: await csv([
        header,
        ['ccc-1', 'Open', 'Then closed', closure('2026-03-09', 'support_ended')],
        ['ccc-2', 'Closed', 'Then reopened', ''],
        ['ccc-3', 'Closed', 'Then changed', closure('2026-03-02', 'person_chose_to_stop')],
        ['ccc-4', 'Closed', 'Unchanged', closure('2026-03-01', 'deceased')],
      ]),
      today: '2026-03-10',
    });
    expect(second.committed).toBe(true);
    expect(second.caseClosureChanges.map((c) => [c.externalId, c.action])).toEqual([
      ['ccc-1', 'close_case'],
      ['ccc-2', 'reopen_case'],
      ['ccc-3', 'reopen_case'],
      ['ccc-3', 'close_case'],
    ]);
    // A file without the column leaves closures alone: nothing to audit.
    const without = await importTable(database, {
      kind: 'people',
      table: await csv([
        ['external_id', 'given_name'],
        ['ccc-1', 'Still'],
      ]),
      today: '2026-03-10',
    });
    expect(without).toMatchObject({ committed: true, updated: 1, caseClosureChanges: [] });
  });

  test('a changed row updates that record and no other', async () => {
    const changed = vacancyRows.map((r) => [...r]);
    changed[1]![2] = 'Baker (night shift)';
    const report = await importTable(database, {
      kind: 'vacancies',
      table: await csv([vacancyHeader, ...changed]),
    });
    expect(report.updated).toBe(1);
    expect(report.unchanged).toBe(2);
    expect(report.outcomes.find((o) => o.outcome === 'updated')?.externalId).toBe('v-2');
    const restored = await importTable(database, {
      kind: 'vacancies',
      table: await csv([vacancyHeader, ...vacancyRows]),
    });
    expect(restored.updated).toBe(1);
  });

  test('a file with one bad row changes nothing, and the report names the row and the field', async () => {
    const before = await snapshotTables(database);
    const rows = [
      [
        'v-10',
        'emp-1',
        'Welder',
        '',
        '',
        '',
        '',
        '',
        'GE',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'v-11',
        'emp-1',
        'Painter',
        '',
        '',
        '',
        '',
        '',
        'GE',
        '',
        '',
        '',
        '',
        '900',
        '800',
        'GEL',
        'month',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'v-12',
        'emp-1',
        'Tiler',
        '',
        '',
        '',
        '',
        '',
        'GE',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const report = await importTable(database, {
      kind: 'vacancies',
      table: await csv([vacancyHeader, ...rows]),
    });
    expect(report.committed).toBe(false);
    expect(report.invalidRows).toBe(1);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ row: 3, externalId: 'v-11', field: 'wage_max' });
    expect(await snapshotTables(database)).toEqual(before);
  });

  test('a bad row in the last batch rolls back the batches already written', async () => {
    const before = await snapshotTables(database);
    const rows = Array.from({ length: 25 }, (_, i) => [`b-${i}`, 'emp-1', `Job ${i}`, 'GE']);
    rows[23]![3] = 'Georgia';
    const report = await importTable(database, {
      kind: 'vacancies',
      batchSize: 5,
      table: await csv([['external_id', 'employer_external_id', 'title', 'country'], ...rows]),
    });
    expect(report.committed).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 25, externalId: 'b-23', field: 'country' }),
    ]);
    expect(await snapshotTables(database)).toEqual(before);
    const good = await importTable(database, {
      kind: 'vacancies',
      batchSize: 5,
      dryRun: true,
      table: await csv([['external_id', 'employer_external_id', 'title', 'country'], ...rows.slice(0, 20)]),
    });
    expect(good).toMatchObject({ created: 20, issues: [], committed: false });
    expect(good.outcomes.map((o) => o.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  test('cell errors, unknown employers, duplicate keys and unknown columns are reported per row', async () => {
    const rows = [
      [
        'v-20',
        'emp-404',
        'Driver',
        '',
        '',
        '',
        '',
        '',
        'Georgia',
        '',
        'north',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '30/09/2026',
        '',
        'maybe',
        '',
      ],
      [
        'v-20',
        'emp-1',
        'Driver',
        '',
        '',
        '',
        '',
        '',
        'GE',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ['', 'emp-1', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ];
    const report = await importTable(database, {
      kind: 'vacancies',
      table: await csv([vacancyHeader, ...rows]),
    });
    const fields = (row: number) =>
      report.issues
        .filter((i) => i.row === row)
        .map((i) => `${i.field}:${i.code}`)
        .sort();
    expect(fields(2)).toEqual([
      'at_home_possible:invalid_boolean',
      'country:invalid_format',
      'employer_external_id:unknown_reference',
      'latitude:invalid_number',
      'posted_on:invalid_format',
    ]);
    expect(fields(3)).toEqual(['external_id:duplicate_external_id']);
    expect(fields(4)).toEqual(['external_id:required', 'title:required']);
    expect(report.issues.find((i) => i.row === 4 && i.field === 'title')?.message).toBe(
      'a value is required',
    );
    const header = await importTable(database, {
      kind: 'vacancies',
      table: await csv([
        ['external_id', 'titel'],
        ['v-30', 'x'],
      ]),
    });
    expect(header.issues).toEqual([
      expect.objectContaining({ row: 1, field: 'titel', code: 'unknown_column' }),
    ]);
  });

  test('a dry run reports what would change and writes nothing', async () => {
    const before = await snapshotTables(database);
    const report = await importTable(database, {
      kind: 'vacancies',
      dryRun: true,
      table: await csv([
        ['external_id', 'employer_external_id', 'employer_name', 'title', 'country'],
        ['v-40', 'emp-new', 'New Employer Ltd', 'Cook', 'NG'],
        ['v-1', 'emp-1', '', 'Car mechanic (senior)', 'GE'],
      ]),
    });
    expect(report).toMatchObject({
      committed: false,
      dryRun: true,
      created: 1,
      updated: 1,
      organisationsCreated: 1,
      issues: [],
    });
    expect(await snapshotTables(database)).toEqual(before);
  });

  test('a mapping file imports a public employment service export', async () => {
    const mapping = await readMappingFile(`${fixtures}pes-mapping.yaml`);
    const table = await readTableFile(`${fixtures}pes-export.csv`, { delimiter: mapping.delimiter });
    const report = await importTable(database, { kind: 'vacancies', table, mapping });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ committed: true, created: 4, organisationsCreated: 4 });
    const [row] = await database.query<{ data: Record<string, unknown>; employer: string }>(
      `select v.data, o.name as employer from vacancies v join organisations o on o.id = v.employer_id where v.external_id = 'pes-be-2026-10451'`,
    );
    expect(row?.employer).toBe('Bouwbedrijf Van Damme');
    expect(row?.data).toMatchObject({
      title: 'Maçon (h/f)',
      occupation: { iscoCode: '7112', label: 'Maçon (h/f)' },
      contract: { type: 'permanent' },
      wage: { min: 2450, max: 2900, currency: 'EUR', period: 'month' },
      postedOn: '2026-09-02',
      applyBy: '2026-09-30',
      languages: [
        { language: 'fr', level: 'B1' },
        { language: 'nl', level: 'A2' },
      ],
      essentialSkills: [
        { label: 'maçonnerie' },
        { label: 'lire des plans' },
        { label: 'travailler en équipe' },
      ],
      location: { country: 'BE', city: 'Anderlecht', address: '1070 Anderlecht' },
      requirements: { rightToWork: true },
    });
    const again = await importTable(database, { kind: 'vacancies', table, mapping });
    expect(again.unchanged).toBe(4);
  });

  test('occupations given only as text are coded from the taxonomy when asked', async () => {
    await loadStarterCatalogue(createTaxonomyStore(database));
    const codeOccupation = await createOccupationCoder(database);
    expect(codeOccupation).not.toBeNull();
    const report = await importTable(database, {
      kind: 'vacancies',
      dryRun: true,
      codeOccupation,
      table: await csv([
        ['external_id', 'employer_external_id', 'title', 'occupation_label', 'occupation_isco'],
        ['c-1', 'emp-1', 'Welder wanted', 'welder', ''],
        ['c-2', 'emp-1', 'Baker', 'Baker', '7512'],
        ['c-3', 'emp-1', 'Stargazer', 'astronaut', ''],
      ]),
    });
    expect(report.issues).toEqual([]);
    expect(report.occupationsCoded).toBe(1);
    // Listed for review: the row, its text and the occupation chosen.
    expect(report.codedOccupations).toEqual([
      expect.objectContaining({ row: 2, text: 'welder', label: expect.stringMatching(/weld/i) }),
    ]);
    expect(report.codedOccupations[0]!.uri).toMatch(/^http/);
  });

  test.each(['csv', 'xlsx'] as TableFormat[])(
    'exports in %s round-trip: re-importing the export changes nothing',
    async (format) => {
      const before = await snapshotTables(database);
      for (const k of ['employers', 'vacancies', 'people'] as const) {
        const exported = await exportRecords(database, { kind: k, format });
        expect(exported.rows).toBeGreaterThan(0);
        const report: ImportReport = await importTable(database, {
          kind: k,
          table: await readTableFromBuffer(exported.buffer, format),
        });
        expect(report.issues).toEqual([]);
        expect(report.unchanged).toBe(exported.rows);
      }
      expect(await snapshotTables(database)).toEqual(before);
    },
  );

  test('an export imported into an empty database exports the same file again', async () => {
    const target = await kind.create();
    try {
      for (const format of ['csv', 'xlsx'] as TableFormat[]) {
        for (const k of ['employers', 'vacancies', 'people'] as const) {
          const first = await exportRecords(database, { kind: k, format: 'csv' });
          const table = await readTableFromBuffer(
            format === 'csv' ? first.buffer : await reformat(first.buffer),
            format,
          );
          const report = await importTable(target.database, { kind: k, table });
          expect(report.issues).toEqual([]);
          const second = await exportRecords(target.database, { kind: k, format: 'csv' });
          expect(await withoutIds(second.buffer)).toEqual(await withoutIds(first.buffer));
        }
      }
    } finally {
      await target.database.close();
      await target.drop();
    }
  });
});

/** The rows of an exported CSV without the columns that hold database ids (they differ between databases). */
async function withoutIds(buffer: Buffer): Promise<string[][]> {
  const t = await readTableFromBuffer(buffer, 'csv');
  const keep = t.header.flatMap((h, i) =>
    h === 'id' || (h.endsWith('_id') && !h.endsWith('external_id')) ? [] : [i],
  );
  return [t.header, ...t.rows.map((r) => r.cells)].map((cells) => keep.map((i) => cells[i] ?? ''));
}

/** The same table as XLSX. */
async function reformat(csvBuffer: Buffer): Promise<Buffer> {
  const t = await readTableFromBuffer(csvBuffer, 'csv');
  return writeTableToBuffer(
    'xlsx',
    t.header,
    t.rows.map((r) => r.cells),
    {
      numericColumns: new Set([
        'latitude',
        'longitude',
        'wage_min',
        'wage_max',
        'seats',
        'employees',
        'address_latitude',
        'address_longitude',
      ]),
    },
  );
}

const fullPerson = [
  [
    'external_id',
    'given_name',
    'family_name',
    'phone',
    'email',
    'skills',
    'languages',
    'driving_licences',
    'health_notes',
    'psychosocial_notes',
    'legal_status',
    'identity_documents',
  ],
  [
    'up-1',
    'Karwan',
    'Ahmd',
    '+964 750 123 4567',
    'karwan@example.org',
    'masonry <urn:passerelle:skill:masonry>; use hand tools',
    '[{"language":"ckb","motherTongue":true,"listening":"C2"}]',
    'B',
    'asthma',
    'follow-up every month',
    '{"residenceStatus":"returnee"}',
    '[{"type":"passport","number":"A1234567","issuingCountry":"IQ"}]',
  ],
];

describe.each(testDatabaseKinds())('updates keep what the file does not speak about on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    expect(
      (await importTable(database, { kind: 'employers', table: await csv(employersFile) })).created,
    ).toBe(2);
    expect((await importTable(database, { kind: 'people', table: await csv(fullPerson) })).created).toBe(1);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  /** The stored data, version (and name, for organisations) of a record. */
  const stored = async (table: 'people' | 'vacancies' | 'organisations', externalId: string) => {
    const name = table === 'organisations' ? sql`name` : sql`null::text`;
    const result = (await database.db.execute(
      sql`select data::text as j, version, ${name} as name from ${sql.raw(table)} where external_id = ${externalId}`,
    )) as unknown as { rows: { j: string; version: number; name: string | null }[] };
    const row = result.rows[0]!;
    return { data: JSON.parse(row.j) as Record<string, unknown>, version: row.version, name: row.name };
  };

  test('a file of names only updates the names and keeps skills, languages and the rest', async () => {
    const before = await stored('people', 'up-1');
    const names = await csv([
      ['external_id', 'given_name', 'family_name'],
      ['up-1', 'Karwan', 'Ahmed'],
    ]);
    const dry = await importTable(database, { kind: 'people', table: names, dryRun: true });
    expect(dry).toMatchObject({ updated: 1, unchanged: 0, created: 0, issues: [], committed: false });
    expect(await stored('people', 'up-1')).toEqual(before);
    const report = await importTable(database, { kind: 'people', table: names });
    expect(report).toMatchObject({ updated: 1, unchanged: 0, created: 0, issues: [] });
    const after = await stored('people', 'up-1');
    expect(after.version).toBe(before.version + 1);
    expect(after.data).toEqual({ ...before.data, familyName: 'Ahmed' });
    expect(after.data).toMatchObject({
      skills: [expect.objectContaining({ uri: 'urn:passerelle:skill:masonry' }), expect.anything()],
      languages: [expect.objectContaining({ language: 'ckb' })],
      drivingLicences: [{ category: 'B' }],
      contact: expect.objectContaining({ phone: '+964 750 123 4567', email: 'karwan@example.org' }),
    });
    // The same partial file again: nothing changes, not even the version.
    const again = await importTable(database, { kind: 'people', table: names });
    expect(again).toMatchObject({ unchanged: 1, updated: 0, created: 0, issues: [] });
    expect((await importTable(database, { kind: 'people', table: names, dryRun: true })).unchanged).toBe(1);
    expect(await stored('people', 'up-1')).toEqual(after);
  });

  test('a people file without the sensitive columns keeps the sensitive fields', async () => {
    const before = await stored('people', 'up-1');
    const header = fullPerson[0]!.slice(0, 8);
    const file = await csv([
      header,
      ['up-1', 'Karwan', 'Ahmed', '+964 750 765 4321', ...fullPerson[1]!.slice(4, 8)],
    ]);
    const report = await importTable(database, { kind: 'people', table: file });
    expect(report).toMatchObject({ updated: 1, issues: [] });
    const after = await stored('people', 'up-1');
    expect(after.data).toMatchObject({
      healthNotes: 'asthma',
      psychosocialNotes: 'follow-up every month',
      legalStatus: expect.objectContaining({ residenceStatus: 'returnee' }),
      identityDocuments: [expect.objectContaining({ number: 'A1234567' })],
      contact: expect.objectContaining({ phone: '+964 750 765 4321' }),
    });
    for (const k of ['healthNotes', 'psychosocialNotes', 'legalStatus', 'identityDocuments'])
      expect(after.data[k]).toEqual(before.data[k]);
    expect((await importTable(database, { kind: 'people', table: file })).unchanged).toBe(1);
  });

  test('a people export whose guard hid sensitive fields leaves those columns out, so re-importing it keeps them', async () => {
    const before = await stored('people', 'up-1');
    const exported = await exportRecords(database, {
      kind: 'people',
      format: 'csv',
      peopleGuard: async (people) =>
        people.map((p) => {
          const { healthNotes: _h, legalStatus: _l, ...visible } = structuredClone(p.record);
          return { id: p.id, record: visible };
        }),
    });
    const table = await readTableFromBuffer(exported.buffer, 'csv');
    expect(table.header).not.toContain('health_notes');
    expect(table.header).not.toContain('legal_status');
    expect(table.header).toEqual(expect.arrayContaining(['external_id', 'psychosocial_notes', 'skills']));
    const report = await importTable(database, { kind: 'people', table });
    expect(report).toMatchObject({ unchanged: 1, updated: 0, issues: [] });
    expect(await stored('people', 'up-1')).toEqual(before);
    // Without a guard that hides anything, every column is written.
    const full = await exportRecords(database, { kind: 'people', format: 'csv' });
    expect((await readTableFromBuffer(full.buffer, 'csv')).header).toContain('health_notes');
  });

  test('an empty cell in a column of the file still clears its field', async () => {
    const file = await csv([
      ['external_id', 'given_name', 'email', 'health_notes', 'driving_licences'],
      ['up-1', 'Karwan', '', '', ''],
    ]);
    const dry = await importTable(database, { kind: 'people', table: file, dryRun: true });
    expect(dry).toMatchObject({ updated: 1, issues: [] });
    expect(await importTable(database, { kind: 'people', table: file })).toMatchObject({ updated: 1 });
    const after = await stored('people', 'up-1');
    expect(after.data.healthNotes).toBeUndefined();
    expect(after.data.drivingLicences).toEqual([]);
    expect(after.data.contact).not.toHaveProperty('email');
    expect(after.data).toMatchObject({
      psychosocialNotes: 'follow-up every month',
      contact: expect.objectContaining({ phone: '+964 750 765 4321' }),
      languages: [expect.objectContaining({ language: 'ckb' })],
    });
    expect((await importTable(database, { kind: 'people', table: file })).unchanged).toBe(1);
  });

  test('a vacancy update without employer columns keeps its employer, status and the rest', async () => {
    const created = await importTable(database, {
      kind: 'vacancies',
      table: await csv([vacancyHeader, ...vacancyRows]),
    });
    expect(created).toMatchObject({ created: 3, issues: [] });
    const before = await stored('vacancies', 'v-1');
    const titles = await csv([
      ['external_id', 'title', 'wage_max'],
      ['v-1', 'Senior car mechanic', ''],
    ]);
    const report = await importTable(database, { kind: 'vacancies', table: titles });
    expect(report).toMatchObject({ updated: 1, issues: [] });
    const after = await stored('vacancies', 'v-1');
    const { title: _t, wage, ...rest } = after.data;
    const { title: _b, wage: wageBefore, ...restBefore } = before.data;
    expect(after.data.title).toBe('Senior car mechanic');
    expect(wage).toEqual({ ...(wageBefore as object), max: undefined });
    expect(wage).not.toHaveProperty('max');
    expect(rest).toEqual(restBefore);
    expect((await importTable(database, { kind: 'vacancies', table: titles })).unchanged).toBe(1);
  });

  test('through a mapping, the columns the mapping fills are the ones the file speaks about', async () => {
    const before = await stored('vacancies', 'v-2');
    const table = await csv([
      ['Ref', 'Job'],
      ['v-2', 'Baker (mornings)'],
    ]);
    const mapping = importMappingSchema.parse({
      columns: { external_id: 'Ref', title: 'Job', city: { value: 'Dakar' } },
    });
    const report = await importTable(database, { kind: 'vacancies', table, mapping });
    expect(report).toMatchObject({ updated: 1, issues: [] });
    const after = await stored('vacancies', 'v-2');
    const { title: _t, location, ...rest } = after.data;
    const { title: _b, location: locationBefore, ...restBefore } = before.data;
    expect(after.data.title).toBe('Baker (mornings)');
    expect(location).toEqual({ ...(locationBefore as object), city: 'Dakar' });
    expect(rest).toEqual(restBefore);
    expect((await importTable(database, { kind: 'vacancies', table, mapping })).unchanged).toBe(1);
  });

  test('an employer update keeps the extra keys unless the file has the extra column', async () => {
    const before = await stored('organisations', 'emp-1');
    expect(before.data).toMatchObject({ demo: true });
    const rename = await csv([
      ['external_id', 'name'],
      ['emp-1', 'Garage Rustaveli & sons'],
    ]);
    expect(await importTable(database, { kind: 'employers', table: rename })).toMatchObject({
      updated: 1,
      issues: [],
    });
    const after = await stored('organisations', 'emp-1');
    expect(after.name).toBe('Garage Rustaveli & sons');
    expect(after.data).toEqual(before.data);
    expect((await importTable(database, { kind: 'employers', table: rename })).unchanged).toBe(1);
    const extra = await csv([
      ['external_id', 'extra'],
      ['emp-1', '{"pilot":"2026"}'],
    ]);
    expect(await importTable(database, { kind: 'employers', table: extra })).toMatchObject({ updated: 1 });
    const withExtra = await stored('organisations', 'emp-1');
    expect(withExtra.data).toEqual({
      ...Object.fromEntries(Object.entries(before.data).filter(([k]) => k !== 'demo')),
      pilot: '2026',
    });
  });
});
