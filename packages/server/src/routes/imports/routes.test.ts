import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { readTableFromBuffer, writeTableToBuffer } from '@passerelle/io';
import type { AuditEntry } from '../../auth/ports';
import { createTestApp } from '../../testing';

const employers = 'external_id,name,country\nemp-1,Garage Rustaveli,GE\n';
const vacancies =
  'external_id,employer_external_id,title,country,wage_min,wage_max,wage_currency,wage_period\nv-1,emp-1,Mechanic,GE,900,1200,GEL,month\nv-2,emp-1,Welder,GE,,,,\n';

describe.each(testDatabaseKinds())('import and export API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const entries: AuditEntry[] = [];
  /** The size of each batch written with `recordMany`. */
  const batches: number[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, {
      audit: {
        record: async (e) => void entries.push(e),
        recordMany: async (es) => {
          batches.push(es.length);
          entries.push(...es);
        },
      },
    });
  });
  afterAll(async () => t.close());

  const upload = (url: string, body: string | Buffer, type = 'text/csv') =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': type } });

  test('a dry run reports every row and writes nothing; the commit writes them', async () => {
    expect((await upload('/api/imports/employers', employers)).json()).toMatchObject({
      committed: true,
      created: 1,
    });
    const dry = await upload('/api/imports/vacancies/dry-run', vacancies);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, committed: false, created: 2, issues: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/vacancies' })).json().items).toHaveLength(0);
    const done = await upload('/api/imports/vacancies', vacancies);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ committed: true, created: 2 });
    expect((await upload('/api/imports/vacancies', vacancies)).json()).toMatchObject({ unchanged: 2 });
  });

  test('an import that closes or reopens cases audits close_case and reopen_case per person, as the endpoints do; a dry run audits nothing', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const closure = JSON.stringify({ on: day, reason: 'support_ended' }).replaceAll('"', '""');
    const file = (cell: string) =>
      `external_id,given_name,family_name,case_closure\nimp-c1,Imported,Closed,${cell}\nimp-c2,Imported,Open,\n`;
    const casesOf = (action: string) =>
      entries.filter((e) => e.action === action && e.entity === 'person').map((e) => e.personId);

    const dry = await upload('/api/imports/people/dry-run', file(`"${closure}"`));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().caseClosureChanges).toEqual([
      expect.objectContaining({ row: 2, action: 'close_case' }),
    ]);
    expect(casesOf('close_case')).toEqual([]);

    const closed = await upload('/api/imports/people', file(`"${closure}"`));
    expect(closed.statusCode, closed.body).toBe(200);
    const id = closed.json().outcomes.find((o: { externalId: string }) => o.externalId === 'imp-c1').id;
    expect(casesOf('close_case')).toEqual([id]);
    const entry = entries.find((e) => e.action === 'close_case');
    expect(entry).toMatchObject({ entityId: id, changes: { fields: ['caseClosure'], via: 'import' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${id}` })).json().caseClosure).toEqual({
      on: day,
      reason: 'support_ended',
    });

    // The same file again changes nothing and audits no closure; without the closure, the case reopens.
    expect((await upload('/api/imports/people', file(`"${closure}"`))).json().unchanged).toBe(2);
    expect(casesOf('close_case')).toEqual([id]);
    expect((await upload('/api/imports/people', file(''))).statusCode).toBe(200);
    expect(casesOf('reopen_case')).toEqual([id]);
  });

  test('an import that closes 40 cases writes its entry and the 40 close_case entries in one batch', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const closure = JSON.stringify({ on: day, reason: 'support_ended' }).replaceAll('"', '""');
    const rows = Array.from({ length: 40 }, (_, i) => `batch-${i},Batch,Closed${i},"${closure}"`);
    const before = entries.length;
    batches.length = 0;
    const res = await upload(
      '/api/imports/people',
      `external_id,given_name,family_name,case_closure\n${rows.join('\n')}\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(batches).toEqual([41]);
    const written = entries.slice(before);
    expect(written.map((e) => e.action)).toEqual(['import', ...rows.map(() => 'close_case')]);
    const ids = res.json().outcomes.map((o: { id: string }) => o.id);
    expect(written.slice(1).map((e) => e.personId)).toEqual(ids);
    expect(new Set(written.map((e) => e.requestId)).size).toBe(1);
  });

  test('a file with an invalid row answers 422 import_failed naming the row and field', async () => {
    const bad = `${vacancies}v-3,emp-1,Painter,GE,900,800,GEL,month\n`;
    const res = await upload('/api/imports/vacancies', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_failed');
    expect(res.json().details.issues).toEqual([expect.objectContaining({ row: 4, field: 'wage_max' })]);
    const dry = await upload('/api/imports/vacancies/dry-run', bad);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().invalidRows).toBe(1);
  });

  test('XLSX uploads and JSON uploads with a column mapping are accepted', async () => {
    const xlsx = await writeTableToBuffer(
      'xlsx',
      ['external_id', 'employer_external_id', 'title'],
      [['v-10', 'emp-1', 'Tiler']],
    );
    const res = await upload(
      '/api/imports/vacancies',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.json()).toMatchObject({ committed: true, created: 1 });
    const mapped = await t.app.inject({
      method: 'POST',
      url: '/api/imports/vacancies/dry-run',
      payload: {
        format: 'csv',
        content: Buffer.from('Ref;Job;Firm\n77;Baker;emp-1\n').toString('base64'),
        mapping: {
          delimiter: ';',
          columns: {
            external_id: { column: 'Ref', prefix: 'pes-' },
            title: 'Job',
            employer_external_id: 'Firm',
          },
        },
      },
    });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json()).toMatchObject({
      created: 1,
      issues: [],
      outcomes: [expect.objectContaining({ externalId: 'pes-77' })],
    });
  });

  test('an unknown kind answers 400 and an unreadable file 422', async () => {
    expect((await upload('/api/imports/spaceships', vacancies)).statusCode).toBe(400);
    const res = await upload(
      '/api/imports/vacancies',
      Buffer.from('not a workbook'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalid_file');
  });

  test('exports use the import columns, so the exported file imports with no change', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/exports/vacancies?format=xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const table = await readTableFromBuffer(res.rawPayload, 'xlsx');
    expect(table.rows.length).toBe(3);
    const again = await upload(
      '/api/imports/vacancies',
      res.rawPayload,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(again.json()).toMatchObject({ committed: true, unchanged: 3, created: 0, updated: 0 });
  });

  test('asked to, a dry run codes occupations given as text and lists them for review; the commit stores them', async () => {
    await upload('/api/imports/employers', employers);
    const file = 'external_id,employer_external_id,title,occupation_label\nc-1,emp-1,Welder wanted,welder\n';
    const plain = await upload('/api/imports/vacancies/dry-run', file);
    expect(plain.json()).toMatchObject({ occupationsCoded: 0, codedOccupations: [] });
    const dry = await upload('/api/imports/vacancies/dry-run?codeOccupations=true', file);
    expect(dry.statusCode, dry.body).toBe(200);
    const coded = dry.json().codedOccupations as { row: number; text: string; uri: string; label: string }[];
    expect(dry.json().occupationsCoded).toBe(1);
    expect(coded).toEqual([expect.objectContaining({ row: 2, text: 'welder' })]);
    const done = await upload('/api/imports/vacancies?codeOccupations=true', file);
    expect(done.json()).toMatchObject({ committed: true, occupationsCoded: 1 });
    const stored = (await t.app.inject({ method: 'GET', url: '/api/vacancies?externalId=c-1' })).json()
      .items[0];
    expect(stored.occupation.uri).toBe(coded[0]!.uri);
  });

  test('a file with fewer columns updates only those fields and keeps the others', async () => {
    const file = 'external_id,title\nv-1,Senior mechanic\n';
    const before = (await t.app.inject({ method: 'GET', url: '/api/vacancies?externalId=v-1' })).json()
      .items[0];
    expect(before.wage).toMatchObject({ min: 900, max: 1200, currency: 'GEL' });
    expect((await upload('/api/imports/vacancies/dry-run', file)).json()).toMatchObject({
      updated: 1,
      issues: [],
    });
    expect((await upload('/api/imports/vacancies', file)).json()).toMatchObject({
      committed: true,
      updated: 1,
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/vacancies?externalId=v-1' })).json()
      .items[0];
    expect(after).toMatchObject({
      title: 'Senior mechanic',
      employerId: before.employerId,
      wage: before.wage,
      location: before.location,
      version: before.version + 1,
    });
    expect((await upload('/api/imports/vacancies', file)).json()).toMatchObject({ unchanged: 1, updated: 0 });
  });
});
