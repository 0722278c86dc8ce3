import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { escoFixturesDir } from '../testing/esco-fixtures';
import { createMemoryTaxonomyStore } from '../testing/memory-store';
import { planFiles, versionFromPath } from './files';
import { importEsco, type ImportProgress } from './import-esco';

const fixtures = escoFixturesDir();
const v110 = join(fixtures, 'v1.1.0');
const v120 = join(fixtures, 'v1.2.0');
const occ = (n: number) => `http://data.europa.eu/esco/occupation/0000000${n}-aaaa-4aaa-8aaa-00000000000${n}`;
const sk = (n: number) => `http://data.europa.eu/esco/skill/1000000${n}-bbbb-4bbb-8bbb-00000000000${n}`;

const scratch = mkdtempSync(join(tmpdir(), 'passerelle-esco-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the v1.1.0 fixture package with one file replaced. */
function packageWith(relative: string, content: string | ((old: string) => string)): string {
  const dir = mkdtempSync(join(scratch, 'v1.1.0-'));
  cpSync(v110, dir, { recursive: true });
  const file = join(dir, relative);
  writeFileSync(file, typeof content === 'string' ? content : content(readFileSync(file, 'utf8')));
  return dir;
}

test('imports a package in two languages: concepts, merged labels, groups, collections and relations', async () => {
  const store = createMemoryTaxonomyStore();
  const summary = await importEsco(store, [v110]);
  expect(summary.version).toBe('1.1.0');
  expect(summary.languages).toEqual(['en', 'fr']);
  expect(summary.skipped.map((s) => s.path)).toEqual([join(v110, 'en/conceptSchemes_en.csv')]);
  const stats = await store.stats();
  expect(stats).toMatchObject({
    occupations: 3,
    skills: 5,
    iscoGroups: 8,
    skillGroups: 4,
    relations: 6,
    languages: ['en', 'fr'],
  });
  expect(stats.relationsByKind).toEqual({ broader: 14, occupation_skill: 6, skill_skill: 1 });
  expect(stats.collections).toEqual({ digital: 1, transversal: 1 });

  const carpenter = await store.getConcept(occ(1));
  expect(carpenter).toMatchObject({
    type: 'occupation',
    iscoCode: '7115',
    code: '7115.1',
    status: 'released',
    obsolete: false,
  });
  const en = carpenter?.labels.find((l) => l.lang === 'en');
  expect(en).toMatchObject({
    preferred: 'carpenter',
    alt: ['joiner', 'woodworker', 'carpenter'],
    hidden: ['carpentor'],
  });
  expect(en?.description).toBe('Description of carpenter, with a comma and a "quote".');
  expect(carpenter?.labels.find((l) => l.lang === 'fr')?.preferred).toBe('charpentier/charpentière');

  const law = await store.getConcept(sk(3));
  expect(law).toMatchObject({ type: 'skill', skillType: 'knowledge', reuseLevel: 'cross-sector' });
  const onlyInHierarchy = await store.getConcept(
    'http://data.europa.eu/esco/skill/20000004-cccc-4ccc-8ccc-000000000004',
  );
  expect(onlyInHierarchy).toMatchObject({ type: 'skill_group', code: 'S6.8' });
  expect((await store.getConcept('http://data.europa.eu/esco/isco/C7115'))?.code).toBe('7115');
});

test('a second import of the same files changes nothing', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [v110]);
  const before = await store.stats();
  const again = await importEsco(store, [v110]);
  const c = again.counts;
  expect(
    c.conceptsInserted + c.conceptsUpdated + c.conceptsObsoleted + c.labelsInserted + c.labelsUpdated,
  ).toBe(0);
  expect(
    c.relationsInserted +
      c.relationsUpdated +
      c.relationsDeleted +
      c.collectionMembersInserted +
      c.collectionMembersDeleted,
  ).toBe(0);
  expect(c.conceptsUnchanged).toBe(20);
  expect(await store.stats()).toEqual(before);
});

test('a newer release updates labels and relations and marks a concept it dropped obsolete', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [v110]);
  const summary = await importEsco(store, [v120]);
  expect(summary.counts).toMatchObject({ conceptsInserted: 1, conceptsObsoleted: 1, relationsUpdated: 1 });
  expect((await store.getConcept(occ(1)))?.labels.find((l) => l.lang === 'en')?.preferred).toBe(
    'carpenter (wood)',
  );
  const dropped = await store.getConcept(occ(3));
  expect(dropped?.obsolete).toBe(true);
  expect(dropped?.labels.find((l) => l.lang === 'en')?.preferred).toBe('car driver');
  const taxi = await store.relationsOf(occ(2), ['occupation_skill']);
  expect(taxi.find((r) => r.targetUri === sk(5))?.relationType).toBe('essential');
  expect(await store.relationsOf(occ(3), ['occupation_skill'])).toEqual([]);
  const stats = await store.stats();
  expect(stats).toMatchObject({ occupations: 3, obsolete: 1, escoVersion: '1.2.0' });
});

const collectionHeader =
  'conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT';

test('every collection file is read: digital, green, transversal, language, DigComp, and research skills and occupations', async () => {
  const dir = mkdtempSync(join(scratch, 'v1.1.0-'));
  cpSync(v110, dir, { recursive: true });
  const member = (uri: string, type = 'KnowledgeSkillCompetence') =>
    `${collectionHeader}\n${type},${uri},label,released,,,,,,\n`;
  writeFileSync(join(dir, 'en/greenSkillsCollection_en.csv'), member(sk(1)));
  writeFileSync(join(dir, 'en/languageSkillsCollection_en.csv'), member(sk(4)));
  writeFileSync(join(dir, 'en/digCompSkillsCollection_en.csv'), member(sk(5)));
  writeFileSync(join(dir, 'en/researchSkillsCollection_en.csv'), member(sk(3)));
  writeFileSync(join(dir, 'en/researchOccupationsCollection_en.csv'), member(occ(1), 'Occupation'));
  writeFileSync(join(dir, 'fr/researchSkillsCollection_fr.csv'), member(sk(3)));
  const store = createMemoryTaxonomyStore();
  const summary = await importEsco(store, [dir]);
  expect((await store.stats()).collections).toEqual({
    digcomp: 1,
    digital: 1,
    green: 1,
    language: 1,
    research: 2,
    transversal: 1,
  });
  expect((await store.getConcept(occ(1)))?.collections).toEqual(['research']);
  // The French copy of a collection is the same list: read once.
  expect(summary.skipped.map((s) => s.path)).toContain(join(dir, 'fr/researchSkillsCollection_fr.csv'));
  expect(summary.files.map((f) => f.path)).toContain(join(dir, 'en/researchOccupationsCollection_en.csv'));
});

test('files stream in bounded batches, with progress by bytes read and then the merge', async () => {
  const inner = createMemoryTaxonomyStore();
  let largest = 0;
  const store: typeof inner = {
    ...inner,
    runImport: (fn) =>
      inner.runImport((session) => {
        const watch =
          <T>(stage: (rows: T[], ...rest: never[]) => Promise<void>) =>
          (rows: T[], ...rest: never[]) => {
            largest = Math.max(largest, rows.length);
            return stage(rows, ...rest);
          };
        return fn({
          ...session,
          stageConcepts: watch(session.stageConcepts),
          stageLabels: watch(session.stageLabels as (rows: unknown[], ...rest: never[]) => Promise<void>),
          stageRelations: watch(session.stageRelations),
          stageCollectionMembers: watch(session.stageCollectionMembers),
        });
      }),
  };
  const events: ImportProgress[] = [];
  await importEsco(store, [v110], { batchSize: 2, onProgress: (p) => events.push(p) });
  expect(largest).toBe(2);
  expect((await inner.stats()).relationsByKind).toEqual({ broader: 14, occupation_skill: 6, skill_skill: 1 });
  const reads = events.filter((e) => e.phase === 'read');
  const total = reads[0]?.bytesTotal ?? 0;
  expect(total).toBeGreaterThan(0);
  expect(reads.every((e, i) => i === 0 || e.bytesRead >= (reads[i - 1] as ImportProgress).bytesRead)).toBe(
    true,
  );
  expect(reads.at(-1)?.bytesRead).toBeLessThanOrEqual(total);
  expect(new Set(reads.map((e) => e.file)).size).toBe(reads.at(-1)?.fileCount);
  expect(events.slice(-2).map((e) => [e.phase, e.bytesRead])).toEqual([
    ['merge', total],
    ['done', total],
  ]);
});

test('a column the importer does not know is named in a warning, and the file still imports', async () => {
  const dir = packageWith('relations/occupationSkillRelations.csv', (old) =>
    old
      .trimEnd()
      .split('\n')
      .map((line, i) => `${line},${i === 0 ? 'newColumn' : 'x'}`)
      .join('\n'),
  );
  const store = createMemoryTaxonomyStore();
  const summary = await importEsco(store, [dir]);
  expect(summary.warnings).toContain(
    `${join(dir, 'relations/occupationSkillRelations.csv')}: columns not read: newColumn`,
  );
  expect((await store.stats()).relations).toBe(6);
});

test('--lang keeps only the chosen languages, relations always come', async () => {
  const store = createMemoryTaxonomyStore();
  const summary = await importEsco(store, [v110], { langs: ['en'] });
  expect(summary.languages).toEqual(['en']);
  expect(
    summary.skipped.some(
      (s) => s.path.endsWith('occupations_fr.csv') && /language fr not selected/.test(s.reason),
    ),
  ).toBe(true);
  expect((await store.stats()).relations).toBe(6);
});

test('relation files repeated in each language are read once, whatever --lang says', async () => {
  const dir = mkdtempSync(join(scratch, 'v1.2.0-'));
  cpSync(v110, dir, { recursive: true });
  const relations = readFileSync(join(dir, 'relations/occupationSkillRelations.csv'));
  rmSync(join(dir, 'relations/occupationSkillRelations.csv'));
  writeFileSync(join(dir, 'en/occupationSkillRelations_en.csv'), relations);
  writeFileSync(join(dir, 'fr/occupationSkillRelations_fr.csv'), relations);
  const store = createMemoryTaxonomyStore();
  const summary = await importEsco(store, [dir], { langs: ['fr'] });
  const read = summary.files.filter((f) => f.kind === 'occupation_skill_relations').map((f) => f.lang);
  expect(read).toEqual(['en']);
  expect(summary.skipped.some((s) => s.path.endsWith('occupationSkillRelations_fr.csv'))).toBe(true);
  expect((await store.stats()).relations).toBe(6);
});

test('an older release and label lists only add labels, never concepts or codes', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [v110]);
  const summary = await importEsco(store, [
    join(fixtures, 'v1.0-ar/occupations_ar.csv'),
    join(fixtures, 'labels/nl'),
  ]);
  expect(summary.files.map((f) => [f.kind, f.mode, f.lang])).toEqual([
    ['occupations', 'labels', 'ar'],
    ['label_list', 'labels', 'nl'],
  ]);
  expect(summary.counts).toMatchObject({
    conceptsInserted: 0,
    conceptsUpdated: 0,
    labelsInserted: 5,
    labelsSkipped: 1,
  });
  const carpenter = await store.getConcept(occ(1));
  expect(carpenter?.iscoCode).toBe('7115');
  expect(carpenter?.labels.map((l) => [l.lang, l.preferred])).toEqual([
    ['ar', 'نجّار / نجّارة'],
    ['en', 'carpenter'],
    ['fr', 'charpentier/charpentière'],
    ['nl', 'timmerman'],
  ]);
  expect(carpenter?.labels.find((l) => l.lang === 'nl')?.alt).toEqual(['schrijnwerker']);
  expect(
    (await store.getConcept('http://data.europa.eu/esco/isco/C71'))?.labels.find((l) => l.lang === 'nl')
      ?.preferred,
  ).toBe('Bouwvakkers');
  expect((await store.stats()).escoVersion).toBe('1.1.0');
});

test('a truncated file is invalid_file with file and line, and the database is unchanged', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [v110]);
  const before = await store.stats();
  const dir = packageWith('en/skills_en.csv', (old) => old.slice(0, old.indexOf('drive cars') + 5));
  const error = await importEsco(store, [dir]).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 'invalid_file',
    details: {
      file: join(dir, 'en/skills_en.csv'),
      line: expect.any(Number),
      reason: expect.stringMatching(/never closed/),
    },
  });
  expect(await store.stats()).toEqual(before);
  expect((await store.listImports()).length).toBe(1);
});

test('a missing column is invalid_file naming the column, and a file of another kind says what it looks like', async () => {
  const store = createMemoryTaxonomyStore();
  const noIsco = packageWith('en/occupations_en.csv', (old) => old.replace('iscoGroup,', 'iscoCode,'));
  await expect(importEsco(store, [noIsco])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { line: 1, column: 'iscoGroup', reason: expect.stringMatching(/missing column iscoGroup/) },
  });
  const skillsAsOccupations = packageWith('en/occupations_en.csv', () =>
    readFileSync(join(v110, 'en/skills_en.csv'), 'utf8'),
  );
  await expect(importEsco(store, [skillsAsOccupations])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { reason: expect.stringMatching(/looks like a skills file/) },
  });
  const json = packageWith('relations/occupationSkillRelations.csv', '{"not": "a csv"}\n');
  await expect(importEsco(store, [json])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { line: 1 },
  });
  const text = join(scratch, 'notes.txt');
  writeFileSync(text, 'hello');
  await expect(importEsco(store, [text])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { file: text },
  });
  expect(await store.listImports()).toEqual([]);
});

test('a bad value is invalid_file with its line and column', async () => {
  const store = createMemoryTaxonomyStore();
  const badType = packageWith('relations/occupationSkillRelations.csv', (old) =>
    old.replace(/optional/, 'sometimes'),
  );
  await expect(importEsco(store, [badType])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { line: 3, column: 'relationType' },
  });
  const shortRow = packageWith(
    'relations/skillSkillRelations.csv',
    (old) => `${old}${sk(1)},skill/competence\n`,
  );
  await expect(importEsco(store, [shortRow])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { line: 3, reason: expect.stringMatching(/wrong number of fields/) },
  });
  const empty = packageWith('en/skills_en.csv', '');
  await expect(importEsco(store, [empty])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { reason: 'the file has no rows' },
  });
  const emptyCollection = packageWith(
    'en/digitalSkillsCollection_en.csv',
    (old) => `${old.split('\n')[0]}\n`,
  );
  const summary = await importEsco(createMemoryTaxonomyStore(), [emptyCollection]);
  expect(summary.warnings.some((w) => w.endsWith('digitalSkillsCollection_en.csv: no rows'))).toBe(true);
  const badUri = packageWith('en/skills_en.csv', (old) => old.replace(sk(4), 'not a uri'));
  await expect(importEsco(store, [badUri])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { column: 'conceptUri' },
  });
  expect(await store.listImports()).toEqual([]);
});

test('a label list without its concept mapping, or with an id the mapping lacks, is invalid_file and changes nothing', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [v110]);
  const before = await store.stats();
  const noMapping = join(mkdtempSync(join(scratch, 'labels-')), 'nl');
  cpSync(join(fixtures, 'labels/nl'), noMapping, { recursive: true });
  rmSync(join(noMapping, 'concept_mapping.tsv'));
  await expect(importEsco(store, [noMapping])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { file: join(noMapping, 'concept_mapping.tsv'), reason: expect.stringMatching(/is missing/) },
  });
  const unknownId = join(mkdtempSync(join(scratch, 'labels-')), 'nl');
  cpSync(join(fixtures, 'labels/nl'), unknownId, { recursive: true });
  writeFileSync(
    join(unknownId, 'corpus_elements.tsv'),
    `${readFileSync(join(unknownId, 'corpus_elements.tsv'), 'utf8')}C000009_nl_000\tonbekend\n`,
  );
  await expect(importEsco(store, [unknownId])).rejects.toMatchObject({
    code: 'invalid_file',
    details: { file: join(unknownId, 'corpus_elements.tsv'), line: 5, column: 'id' },
  });
  expect(await store.stats()).toEqual(before);
});

test('versions come from the path and languages from the file name or --lang', () => {
  expect(versionFromPath('/data/esco/v1.1.1/en/skills_en.csv')).toBe('1.1.1');
  expect(versionFromPath('/data/ESCO dataset - v1.2.0 - classification - en - csv/skills_en.csv')).toBe(
    '1.2.0',
  );
  expect(versionFromPath('/data/esco/v1.0-occupations-ar/occupations_ar.csv')).toBe('1.0');
  expect(versionFromPath('/data/esco/latest/skills_en.csv')).toBeNull();
  const dir = mkdtempSync(join(scratch, 'nolang-'));
  writeFileSync(join(dir, 'occupations.csv'), readFileSync(join(v110, 'en/occupations_en.csv')));
  expect(() => planFiles([join(dir, 'occupations.csv')])).toThrow(
    expect.objectContaining({ code: 'invalid_file' }),
  );
  expect(planFiles([join(dir, 'occupations.csv')], { langs: ['pt'] }).files[0]).toMatchObject({
    kind: 'occupations',
    lang: 'pt',
  });
});
