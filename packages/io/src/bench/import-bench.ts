import { starterCatalogue } from '@passerelle/taxonomy';
import type { Database } from '@passerelle/db';
import { importTable, type ImportReport } from '../import/import-records';
import { readTableFromBuffer, writeTableToBuffer } from '../table/table';

/**
 * The import benchmark: a CSV of generated vacancies in our layout (realistic width: coded
 * occupation, five to eight coded skills, place, wage, hours), imported in one transaction.
 */

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const countries = [
  { code: 'IQ', currency: 'IQD', cities: ['Erbil', 'Baghdad', 'Basra', 'Sulaymaniyah', 'Duhok'] },
  { code: 'GE', currency: 'GEL', cities: ['Tbilisi', 'Kutaisi', 'Batumi'] },
  { code: 'SN', currency: 'XOF', cities: ['Dakar', 'Thiès', 'Saint-Louis'] },
  { code: 'NG', currency: 'NGN', cities: ['Benin City', 'Lagos', 'Asaba'] },
  { code: 'TN', currency: 'TND', cities: ['Tunis', 'Sfax', 'Zarzis'] },
  { code: 'BE', currency: 'EUR', cities: ['Brussels', 'Antwerpen', 'Liège'] },
];

/** Generated employers and vacancies as CSV files of our layout. */
export async function makeVacancyBenchFiles(
  rows: number,
  employers = 500,
  seed = 42,
): Promise<{ employers: Buffer; vacancies: Buffer }> {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const skills = new Map(starterCatalogue.skills.map((s) => [s.uri, s.labels.en.preferred]));
  const employerRows: string[][] = [];
  for (let i = 0; i < employers; i++) {
    const c = pick(countries);
    employerRows.push([`bench-employer-${i}`, `Bench employer ${i}`, c.code, 'F', 'small']);
  }
  const header = [
    'external_id',
    'employer_external_id',
    'title',
    'description',
    'occupation_label',
    'occupation_uri',
    'occupation_isco',
    'essential_skills',
    'optional_skills',
    'languages',
    'country',
    'region',
    'city',
    'latitude',
    'longitude',
    'contract_type',
    'wage_min',
    'wage_max',
    'wage_currency',
    'wage_period',
    'hours_per_week',
    'shifts',
    'seats',
    'posted_on',
    'apply_by',
    'status',
  ];
  const body: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const o = pick(starterCatalogue.occupations);
    const c = pick(countries);
    const coded = (uris: string[], n: number) =>
      uris
        .slice(0, n)
        .map((u) => `${skills.get(u) ?? 'skill'} <${u}>`)
        .join('; ');
    const min = 300 + Math.floor(rnd() * 700);
    body.push([
      `bench-vacancy-${i}`,
      `bench-employer-${i % employers}`,
      o.labels.en.preferred,
      `${o.labels.en.preferred} wanted; training on the job.`,
      o.labels.en.preferred,
      o.uri,
      o.iscoCode,
      coded(o.essentialSkills, 5 + Math.floor(rnd() * 4)),
      coded(o.optionalSkills, 2),
      rnd() < 0.5 ? 'en:B1' : '',
      c.code,
      '',
      pick(c.cities),
      (30 + rnd() * 10).toFixed(3),
      (10 + rnd() * 30).toFixed(3),
      pick(['permanent', 'fixed_term', 'seasonal']),
      String(min),
      String(min + 200),
      c.currency,
      'month',
      String(pick([20, 30, 40, 48])),
      pick(['day', 'day; evening', 'night']),
      String(1 + Math.floor(rnd() * 3)),
      '2026-09-01',
      '2026-10-15',
      'open',
    ]);
  }
  return {
    employers: await writeTableToBuffer(
      'csv',
      ['external_id', 'name', 'country', 'sector_isic', 'size'],
      employerRows,
    ),
    vacancies: await writeTableToBuffer('csv', header, body),
  };
}

/** Imports the employers, then times the import of the vacancies file (read, check, write). */
export async function runImportBench(
  database: Database,
  files: { employers: Buffer; vacancies: Buffer },
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<{ seconds: number; cpuSeconds: number; report: ImportReport }> {
  const employers = await importTable(database, {
    kind: 'employers',
    table: await readTableFromBuffer(files.employers, 'csv'),
  });
  if (!employers.committed)
    throw new Error(`bench employers did not import: ${JSON.stringify(employers.issues.slice(0, 3))}`);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const table = await readTableFromBuffer(files.vacancies, 'csv');
  const report = await importTable(database, {
    kind: 'vacancies',
    table,
    onProgress: (p) => onProgress?.(p.phase, p.done, p.total),
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (!report.committed)
    throw new Error(`bench vacancies did not import: ${JSON.stringify(report.issues.slice(0, 3))}`);
  return { seconds, cpuSeconds, report };
}
