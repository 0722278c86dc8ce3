import type { Command } from 'commander';
import { conceptTypes, escoAttribution, type ConceptType } from '@passerelle/core';
import { createTaxonomyStore } from '@passerelle/db';
import {
  importEsco,
  loadStarterCatalogue,
  TaxonomyService,
  type EscoImportSummary,
} from '@passerelle/taxonomy';
import { withDatabase } from '../shared/database';
import { UsageError } from '../shared/exit';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { createProgress } from '../shared/progress';

/** Parses `--lang en,fr` into codes. */
export function parseLangs(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const langs = value
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '');
  const bad = langs.find((l) => !/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(l));
  if (bad !== undefined || langs.length === 0)
    throw new UsageError(
      `--lang must be language codes separated by commas, like en,fr (got ${JSON.stringify(value)})`,
    );
  return langs;
}

function parseTypes(value: string | undefined): ConceptType[] | undefined {
  if (value === undefined) return undefined;
  const types = value.split(',').map((t) => t.trim());
  const bad = types.find((t) => !(conceptTypes as readonly string[]).includes(t));
  if (bad !== undefined) throw new UsageError(`--type must be among ${conceptTypes.join(', ')} (got ${bad})`);
  return types as ConceptType[];
}

function printSummary(s: EscoImportSummary): void {
  const c = s.counts;
  const lines = [
    `Imported ESCO ${s.version ?? '(version not given)'} in ${s.seconds} s: ${s.files.filter((f) => f.mode !== 'skipped').length} files, languages ${s.languages.join(', ') || '-'}.`,
    `  concepts:  ${c.conceptsInserted} new, ${c.conceptsUpdated} updated, ${c.conceptsUnchanged} unchanged, ${c.conceptsObsoleted} marked obsolete`,
    `  labels:    ${c.labelsInserted} new, ${c.labelsUpdated} updated, ${c.labelsUnchanged} unchanged, ${c.labelsSkipped} for unknown concepts (skipped)`,
    `  relations: ${c.relationsInserted} new, ${c.relationsUpdated} updated, ${c.relationsUnchanged} unchanged, ${c.relationsDeleted} removed, ${c.relationsDangling} naming a concept not listed`,
    `  collections: ${c.collectionMembersInserted} memberships added, ${c.collectionMembersDeleted} removed`,
  ];
  for (const f of s.files.filter((x) => x.mode !== 'full'))
    lines.push(`  ${f.mode === 'labels' ? 'labels only' : 'skipped'}: ${f.path}`);
  for (const f of s.skipped) lines.push(`  not read: ${f.path} (${f.reason})`);
  for (const w of s.warnings) lines.push(`  warning: ${w}`);
  lines.push(escoAttribution);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `passerelle taxonomy import|stats|search|show|load-starter`. */
export function registerTaxonomy(program: Command): void {
  const taxonomy = program
    .command('taxonomy')
    .description('the ESCO/ISCO-08 vocabulary: import, statistics, search');

  addDatabaseOptions(
    taxonomy
      .command('import')
      .description(
        'import the official ESCO CSV package (folders or files, v1.0.x-v1.2.x, one or many languages) and label lists; one transaction, safe to repeat',
      )
      .argument('<paths...>', 'ESCO folders or CSV files (and corpus_elements.tsv label lists)')
      .option('--lang <codes>', 'only these languages, e.g. en,fr (relations are always read)')
      .option(
        '--esco-version <version>',
        'the ESCO version when the folder name does not tell it (e.g. 1.2.0)',
      )
      .option('--json', 'print the summary as JSON'),
  ).action(async (paths: string[], opts) => {
    const langs = parseLangs(opts.lang);
    const config = configFromOptions(opts);
    const summary = await withDatabase(config, async (database) => {
      const store = createTaxonomyStore(database);
      let bar: ReturnType<typeof createProgress> | null = null;
      try {
        return await importEsco(store, paths, {
          langs,
          version: opts.escoVersion,
          onProgress: (p) => {
            if (p.phase === 'read') {
              bar ??= createProgress(
                'Reading ESCO files',
                Math.max(1, Math.round(p.bytesTotal / 1024)),
                'kB',
              );
              bar.update(Math.round(p.bytesRead / 1024));
            } else if (p.phase === 'merge') {
              bar?.update(Math.round(p.bytesTotal / 1024));
              bar?.stop();
              bar = null;
              if (process.stderr.isTTY) process.stderr.write('Merging into the database...\n');
            }
          },
        });
      } finally {
        (bar as ReturnType<typeof createProgress> | null)?.stop();
      }
    });
    if (opts.json) printJson({ ...summary, attribution: escoAttribution });
    else printSummary(summary);
  });

  addDatabaseOptions(
    taxonomy
      .command('stats')
      .description('count occupations, skills, ISCO-08 groups and relations; list languages')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const stats = await withDatabase(config, (database) => createTaxonomyStore(database).stats());
    if (opts.json) {
      printJson(stats);
      return;
    }
    process.stdout.write(
      [
        `occupations: ${stats.occupations}`,
        `skills: ${stats.skills}`,
        `ISCO-08 groups: ${stats.iscoGroups}`,
        `skill groups: ${stats.skillGroups}`,
        `occupation-skill relations: ${stats.relations}`,
        `broader relations: ${stats.relationsByKind.broader}, skill-skill relations: ${stats.relationsByKind.skill_skill}`,
        `obsolete concepts: ${stats.obsolete}`,
        `languages: ${stats.languages.join(', ') || '-'}`,
        `collections: ${
          Object.entries(stats.collections)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || '-'
        }`,
        `ESCO version: ${stats.escoVersion ?? '-'}; starter catalogue: ${stats.catalogueVersion ?? '-'}`,
      ].join('\n') + '\n',
    );
  });

  addDatabaseOptions(
    taxonomy
      .command('search')
      .description('type-ahead search over concept labels (as the API does)')
      .argument('<query>', 'what to look for')
      .option('--lang <code>', 'language of the labels shown', 'en')
      .option('--type <types>', `only these types: ${conceptTypes.join(', ')}`)
      .option('--limit <n>', 'number of results', '10')
      .option('--json', 'print JSON'),
  ).action(async (query: string, opts) => {
    const config = configFromOptions(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new UsageError('--limit must be a whole number from 1 to 100');
    const types = parseTypes(opts.type);
    const hits = await withDatabase(config, (database) =>
      new TaxonomyService(createTaxonomyStore(database)).search(query, {
        lang: opts.lang,
        limit,
        ...(types ? { types } : {}),
      }),
    );
    if (opts.json) printJson({ items: hits });
    else
      for (const h of hits)
        process.stdout.write(
          `${h.score.toFixed(3)}  ${h.type.padEnd(11)} ${h.label}${h.matched !== h.label ? `  (${h.matched})` : ''}  ${h.uri}\n`,
        );
  });

  addDatabaseOptions(
    taxonomy
      .command('show')
      .description('one concept with its broader and narrower concepts and its skills or occupations')
      .argument('<uri>', 'the concept URI')
      .option('--lang <code>', 'language of the labels', 'en'),
  ).action(async (uri: string, opts) => {
    const config = configFromOptions(opts);
    const view = await withDatabase(config, (database) =>
      new TaxonomyService(createTaxonomyStore(database)).concept(uri, opts.lang),
    );
    if (!view) throw new UsageError(`no concept with URI ${uri}`);
    printJson(view);
  });

  addDatabaseOptions(
    taxonomy
      .command('load-starter')
      .description('load the starter catalogue (done automatically by the server when no ESCO is imported)')
      .option('--force', 'load it even when ESCO is imported or this version is already loaded'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const result = await withDatabase(config, (database) =>
      loadStarterCatalogue(createTaxonomyStore(database), { force: opts.force === true }),
    );
    printJson(result);
  });
}
