import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createTaxonomyStore } from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { importEsco } from '@passerelle/taxonomy';
import { escoFixturesDir } from '@passerelle/taxonomy/testing';
import type { ImportCounts } from '@passerelle/core';
import { runCli } from '../testing';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = escoFixturesDir();
const esco = join(repo, '../shared/data/esco/v1.1.1');
const labelLists = join(esco, '../labels-multilingual');
const arabicOccupations = join(esco, '../v1.0-occupations-ar/occupations_ar.csv');
const escoPresent =
  existsSync(join(esco, 'en/skills_en.csv')) && existsSync(labelLists) && existsSync(arabicOccupations);
const scratch = mkdtempSync(join(tmpdir(), 'passerelle-taxonomy-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each CLI run starts Node, tsx and the database: give a busy machine time.
const slow = { timeoutMs: 150_000 };
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

test('taxonomy import reads an ESCO package, prints a summary with the attribution, and stats count it', async () => {
  const db = ['--data-dir', join(scratch, 'fixtures-db')];
  const imported = await runCli(['taxonomy', 'import', join(fixtures, 'v1.1.0'), ...db], slow);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain('Imported ESCO 1.1.0');
  expect(imported.stdout).toContain('This service uses the ESCO classification of the European Commission.');
  const stats = await runCli(['taxonomy', 'stats', '--json', ...db], slow);
  expect(json(stats.stdout)).toMatchObject({
    occupations: 3,
    skills: 5,
    iscoGroups: 8,
    relations: 6,
    languages: ['en', 'fr'],
  });
  const search = await runCli(
    ['taxonomy', 'search', 'chauffeur taxi', '--lang', 'fr', '--json', ...db],
    slow,
  );
  expect((json(search.stdout).items as { label: string }[])[0]?.label).toBe(
    'chauffeur de taxi/chauffeuse de taxi',
  );
}, 400_000);

test('a bad file is one clear error line (exit 1) and a bad flag a usage error (exit 2)', async () => {
  const bad = join(scratch, 'occupations_en.csv');
  writeFileSync(bad, 'conceptType,conceptUri\nOccupation,"http://x\n');
  const db = ['--data-dir', join(scratch, 'bad-db')];
  const r = await runCli(['taxonomy', 'import', bad, ...db], slow);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    /Error \[invalid_file\]: The file .*occupations_en\.csv cannot be read \(line 1, column iscoGroup\)/,
  );
  expect(r.stderr).not.toMatch(/\n\s+at .+[:(]/);
  expect((await runCli(['taxonomy', 'import', bad, '--lang', 'en;fr', ...db], slow)).code).toBe(2);
}, 300_000);

// ESCO v1.1.1 from ../shared/data/esco (CI has it; elsewhere these tests are skipped), in process
// (the CLI itself is tested above on small fixtures). The full English + French import runs on
// PostgreSQL, and on PGlite only when PostgreSQL is not available: PGlite imports the same data
// more slowly (see `passerelle bench taxonomy`), so with PostgreSQL present it imports a subset
// (ISCO-08 groups, occupations, the occupation pillar) to keep the run short.
const kinds = testDatabaseKinds();
const hasPostgres = kinds.some((k) => k.name === 'postgres');
const absent = escoPresent ? '' : ' (skipped: ../shared/data/esco not found)';

function changedCounts(c: ImportCounts) {
  return {
    concepts: c.conceptsInserted + c.conceptsUpdated + c.conceptsObsoleted,
    labels: c.labelsInserted + c.labelsUpdated,
    relations: c.relationsInserted + c.relationsUpdated + c.relationsDeleted,
    collections: c.collectionMembersInserted + c.collectionMembersDeleted,
  };
}
const nothingChanged = { concepts: 0, labels: 0, relations: 0, collections: 0 };
const directorUri = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const directorLabels = [
  ['en', 'technical director'],
  ['fr', 'directeur technique/directrice technique'],
];

describe.each(kinds)('ESCO v1.1.1 from ../shared/data/esco on $name', (kind) => {
  const full = kind.name === 'postgres' || !hasPostgres;

  test.skipIf(!escoPresent || !full)(
    `imports 13,896 skills, 3,007 occupations, 619 ISCO-08 groups, 123,855 occupation-skill relations and every collection with French labels merged; a second import changes nothing; the label lists and the v1.0 Arabic occupations add their languages${absent}`,
    async () => {
      const { database, drop } = await kind.create();
      try {
        const store = createTaxonomyStore(database);
        const first = await importEsco(store, [esco], { langs: ['en', 'fr'] });
        expect(first.counts).toMatchObject({ conceptsInserted: 18169, relationsInserted: 154027 });
        const stats = await store.stats();
        expect(stats).toMatchObject({
          skills: 13896,
          occupations: 3007,
          iscoGroups: 619,
          relations: 123855,
          languages: ['en', 'fr'],
          escoVersion: '1.1.1',
        });
        expect(stats.collections).toEqual({
          digcomp: 26,
          digital: 1201,
          green: 570,
          language: 346,
          research: 162,
          transversal: 96,
        });
        const director = await store.getConcept(directorUri);
        expect(director?.iscoCode).toBe('2654');
        expect(director?.labels.map((l) => [l.lang, l.preferred])).toEqual(directorLabels);
        const second = await importEsco(store, [esco], { langs: ['en', 'fr'] });
        expect(changedCounts(second.counts)).toEqual(nothingChanged);
        expect(await store.stats()).toEqual(stats);

        // The label lists of ../shared/data/esco (de, es, fr, nl) and the v1.0 Arabic occupations
        // only add labels in languages a concept has none in.
        const lists = await importEsco(store, [labelLists, arabicOccupations]);
        expect(lists.counts).toMatchObject({
          conceptsInserted: 0,
          conceptsUpdated: 0,
          labelsInserted: 13613,
          labelsUpdated: 0,
          labelsSkipped: 15,
        });
        expect(await store.stats()).toEqual({ ...stats, languages: ['ar', 'de', 'en', 'es', 'fr', 'nl'] });
        expect((await store.getConcept(directorUri))?.labels.map((l) => [l.lang, l.preferred])).toEqual([
          ['ar', 'المدير الفني / المديرة الفنية'],
          [
            'de',
            'Technischer Leiter für Bühne, Film und Fernsehen/Technische Leiterin für Bühne, Film und Fernsehen',
          ],
          ['en', 'technical director'],
          ['es', 'director técnico/directora técnica'],
          ['fr', 'directeur technique/directrice technique'],
          ['nl', 'inspiciënt'],
        ]);
      } finally {
        await database.close();
        await drop();
      }
    },
    240_000,
  );

  test.skipIf(!escoPresent || full)(
    `imports the 3,007 occupations and 619 ISCO-08 groups with French labels merged; a second import changes nothing${absent}`,
    async () => {
      const { database, drop } = await kind.create();
      const files = [
        'en/ISCOGroups_en.csv',
        'fr/ISCOGroups_fr.csv',
        'en/occupations_en.csv',
        'fr/occupations_fr.csv',
        'relations/broaderRelationsOccPillar.csv',
      ].map((f) => join(esco, f));
      try {
        const store = createTaxonomyStore(database);
        await importEsco(store, files);
        const stats = await store.stats();
        expect(stats).toMatchObject({
          occupations: 3007,
          iscoGroups: 619,
          languages: ['en', 'fr'],
          escoVersion: '1.1.1',
        });
        expect(stats.relationsByKind.broader).toBe(3617);
        expect((await store.getConcept(directorUri))?.labels.map((l) => [l.lang, l.preferred])).toEqual(
          directorLabels,
        );
        expect(changedCounts((await importEsco(store, files)).counts)).toEqual(nothingChanged);
      } finally {
        await database.close();
        await drop();
      }
    },
    240_000,
  );
});
