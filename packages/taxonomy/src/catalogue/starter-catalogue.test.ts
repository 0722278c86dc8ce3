import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { starterCatalogueSchema } from './catalogue-schema';
import { starterCatalogue } from './starter-catalogue';
import { catalogueLanguages, catalogueSectors } from './types';
import type { CatalogueLabels } from './types';

const { occupations, skills } = starterCatalogue;
const skillByUri = new Map(skills.map((skill) => [skill.uri, skill]));
const describe = (concept: { uri: string; labels: CatalogueLabels }) =>
  `${concept.labels.en.preferred} <${concept.uri}>`;
test('the starter catalogue matches its schema', () => {
  const result = starterCatalogueSchema.safeParse(starterCatalogue);
  expect(result.success ? [] : result.error.issues.slice(0, 10)).toEqual([]);
});

test('the starter catalogue has at least 150 occupations and 600 skills', () => {
  expect(occupations.length).toBeGreaterThanOrEqual(150);
  expect(skills.length).toBeGreaterThanOrEqual(600);
});

test('every sector has at least five occupations', () => {
  const thin = catalogueSectors.filter((sector) => occupations.filter((o) => o.sector === sector).length < 5);
  expect(thin).toEqual([]);
});

test('every occupation has a four-digit ISCO-08 unit group code in major group 0 to 9', () => {
  const bad = occupations.filter((o) => !/^[0-9]{4}$/.test(o.iscoCode)).map(describe);
  expect(bad).toEqual([]);
});

// Arabic alternative labels may be Latin product names ("Excel", "Git") that people type as is.
test('every concept has a preferred label in English, French, Dutch and Arabic, in the right script', () => {
  const problems: string[] = [];
  const arabic = (label: string) => /[\u0600-\u06ff]/.test(label);
  for (const concept of [...occupations, ...skills]) {
    for (const language of catalogueLanguages) {
      const { preferred, alt } = concept.labels[language];
      if (preferred.trim() === '') problems.push(`${describe(concept)}: no ${language} label`);
      if (language === 'ar' && !arabic(preferred))
        problems.push(`${describe(concept)}: ar label not in Arabic script`);
      for (const label of language === 'ar' ? [] : [preferred, ...alt]) {
        if (arabic(label))
          problems.push(`${describe(concept)}: ${language} label in Arabic script: ${label}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('no concept repeats a label within one language', () => {
  const problems: string[] = [];
  for (const concept of [...occupations, ...skills]) {
    for (const language of catalogueLanguages) {
      const { preferred, alt } = concept.labels[language];
      const lowered = [preferred, ...alt].map((label) => label.toLowerCase());
      if (new Set(lowered).size !== lowered.length) problems.push(`${describe(concept)} (${language})`);
    }
  }
  expect(problems).toEqual([]);
});

test('no two concepts share a URI', () => {
  const uris = [...occupations, ...skills].map((concept) => concept.uri);
  const duplicates = uris.filter((uri, index) => uris.indexOf(uri) !== index);
  expect(duplicates).toEqual([]);
});

test('no two occupations, and no two skills, share a preferred label in the same language', () => {
  const problems: string[] = [];
  for (const group of [occupations, skills]) {
    for (const language of catalogueLanguages) {
      const seen = new Map<string, string>();
      for (const concept of group) {
        const label = concept.labels[language].preferred.toLowerCase();
        const other = seen.get(label);
        if (other) problems.push(`${language} "${label}": ${other} and ${describe(concept)}`);
        seen.set(label, describe(concept));
      }
    }
  }
  expect(problems).toEqual([]);
});

test('every occupation has 4 to 10 essential skills and lists each skill once', () => {
  const problems: string[] = [];
  for (const o of occupations) {
    const count = o.essentialSkills.length;
    if (count < 4 || count > 10) problems.push(`${describe(o)}: ${count} essential skills`);
    const all = [...o.essentialSkills, ...o.optionalSkills];
    if (new Set(all).size !== all.length) problems.push(`${describe(o)}: a skill is listed twice`);
  }
  expect(problems).toEqual([]);
});

test('every relation and broader link points to a skill in the catalogue', () => {
  const dangling: string[] = [];
  for (const o of occupations) {
    for (const uri of [...o.essentialSkills, ...o.optionalSkills]) {
      if (!skillByUri.has(uri)) dangling.push(`${describe(o)} -> ${uri}`);
    }
  }
  for (const s of skills) {
    for (const uri of s.broader) if (!skillByUri.has(uri)) dangling.push(`${describe(s)} broader ${uri}`);
  }
  expect(dangling).toEqual([]);
});

test('the broader links between skills form no cycle', () => {
  const cyclic: string[] = [];
  for (const start of skills) {
    const seen = new Set<string>();
    const queue = [...start.broader];
    while (queue.length > 0) {
      const uri = queue.pop() as string;
      if (uri === start.uri) {
        cyclic.push(describe(start));
        break;
      }
      if (seen.has(uri)) continue;
      seen.add(uri);
      queue.push(...(skillByUri.get(uri)?.broader ?? []));
    }
  }
  expect(cyclic).toEqual([]);
});

test('every skill is used by at least one occupation', () => {
  const used = new Set(occupations.flatMap((o) => [...o.essentialSkills, ...o.optionalSkills]));
  expect(skills.filter((s) => !used.has(s.uri)).map(describe)).toEqual([]);
});

test('the catalogue stays under 1 MB as JSON', () => {
  expect(Buffer.byteLength(JSON.stringify(starterCatalogue))).toBeLessThan(1_000_000);
});

// ESCO v1.1.1 is read from the shared data folder when present (CI has it); it is never copied here.
const escoRoot =
  process.env.PASSERELLE_ESCO_DIR ??
  fileURLToPath(new URL('../../../../../shared/data/esco/v1.1.1', import.meta.url));
const escoFile = (name: string) =>
  [join(escoRoot, 'en', name), join(escoRoot, name)].find((path) => existsSync(path));
const escoPresent = escoFile('occupations_en.csv') !== undefined && escoFile('skills_en.csv') !== undefined;
const escoNote = escoPresent ? '' : ` (skipped: ESCO v1.1.1 not found at ${escoRoot})`;

type CsvRow = Record<string, string>;
let escoCache:
  { occupations: Map<string, CsvRow>; skills: Map<string, CsvRow>; iscoCodes: Set<string> } | undefined;
function loadEsco() {
  if (escoCache) return escoCache;
  const read = (name: string): CsvRow[] => {
    const path = escoFile(name);
    return path ? (parse(readFileSync(path), { columns: true, bom: true }) as CsvRow[]) : [];
  };
  escoCache = {
    occupations: new Map(read('occupations_en.csv').map((row) => [row.conceptUri ?? '', row])),
    skills: new Map(read('skills_en.csv').map((row) => [row.conceptUri ?? '', row])),
    iscoCodes: new Set(read('ISCOGroups_en.csv').map((row) => row.code ?? '')),
  };
  return escoCache;
}

test.skipIf(!escoPresent)(
  `every ESCO occupation URI exists in ESCO v1.1.1 with the same ISCO-08 code${escoNote}`,
  () => {
    const esco = loadEsco();
    const problems = occupations
      .filter((o) => o.uri.startsWith('http://data.europa.eu/esco/'))
      .flatMap((o) => {
        const row = esco.occupations.get(o.uri);
        if (!row) return [`${describe(o)}: not in ESCO`];
        return row.iscoGroup === o.iscoCode
          ? []
          : [`${describe(o)}: ISCO ${o.iscoCode}, ESCO says ${row.iscoGroup}`];
      });
    expect(problems).toEqual([]);
  },
);

test.skipIf(!escoPresent)(`every ISCO-08 code is an ISCO unit group known to ESCO v1.1.1${escoNote}`, () => {
  const esco = loadEsco();
  expect(occupations.filter((o) => !esco.iscoCodes.has(o.iscoCode)).map(describe)).toEqual([]);
});

test.skipIf(!escoPresent)(
  `every ESCO skill URI exists in ESCO v1.1.1 with the same type and reuse level${escoNote}`,
  () => {
    const esco = loadEsco();
    const problems = skills
      .filter((s) => s.uri.startsWith('http://data.europa.eu/esco/'))
      .flatMap((s) => {
        const row = esco.skills.get(s.uri);
        if (!row) return [`${describe(s)}: not in ESCO`];
        const type = row.skillType === 'knowledge' ? 'knowledge' : 'skill';
        const found: string[] = [];
        if (row.skillType && type !== s.type)
          found.push(`${describe(s)}: type ${s.type}, ESCO says ${row.skillType}`);
        if (s.reuseLevel && s.reuseLevel !== row.reuseLevel)
          found.push(`${describe(s)}: reuse ${s.reuseLevel}, ESCO says ${row.reuseLevel}`);
        return found;
      });
    expect(problems).toEqual([]);
  },
);

test.skipIf(!escoPresent)(
  `project URIs are used only where ESCO has no concept with the same English label${escoNote}`,
  () => {
    const esco = loadEsco();
    const escoLabels = new Set(
      [...esco.occupations.values(), ...esco.skills.values()].map((row) =>
        (row.preferredLabel ?? '').trim().toLowerCase(),
      ),
    );
    const missed = [...occupations, ...skills]
      .filter(
        (c) => c.uri.startsWith('urn:passerelle:') && escoLabels.has(c.labels.en.preferred.toLowerCase()),
      )
      .map(describe);
    expect(missed).toEqual([]);
  },
);
