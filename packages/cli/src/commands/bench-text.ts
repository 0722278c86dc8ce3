import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { benchmarkText, loadSkillKnowledge, loadTaxonomyKnowledge } from '@passerelle/text';
import { UsageError } from '../shared/exit';
import { printJson } from '../shared/options';
import { escoDirOption } from './eval';

/** Where to find ESCO files when no --esco is given: the development data beside the checkout. */
function defaultEscoDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    resolve('../shared/data/esco/v1.1.1'),
    resolve(here, '../../../../../shared/data/esco/v1.1.1'),
  ];
  return candidates.find((dir) => existsSync(dir));
}

/** `passerelle bench text`: occupation linking and skill extraction throughput on one core. */
export function registerBenchText(bench: Command): void {
  bench
    .command('text')
    .description('time occupation linking (titles/s) and skill extraction (MB/s) on one core; prints JSON')
    .option(
      '--esco <dir>',
      'ESCO CSV folder with occupations_xx.csv and skills_xx.csv (env PASSERELLE_ESCO_DIR; default ../shared/data/esco/v1.1.1)',
    )
    .option('--lang <code>', 'language of titles and text', 'en')
    .option('--titles <n>', 'number of titles to link', '5000')
    .option('--text-mb <n>', 'megabytes of text to extract skills from', '1')
    .option('--json', 'print JSON (the default)')
    .action((opts: { esco?: string; lang: string; titles: string; textMb: string }) => {
      const dir = escoDirOption(opts.esco) ?? defaultEscoDir();
      if (!dir)
        throw new UsageError(
          'bench text needs ESCO files: pass --esco <dir> (a folder with occupations_en.csv and skills_en.csv)',
        );
      const titles = Number(opts.titles);
      const textMb = Number(opts.textMb);
      if (!Number.isInteger(titles) || titles < 100)
        throw new UsageError('--titles must be a whole number of at least 100');
      if (!(textMb > 0 && textMb <= 100))
        throw new UsageError('--text-mb must be a number between 0 and 100');
      const occupations = loadTaxonomyKnowledge(dir).knowledge;
      const skills = loadSkillKnowledge(dir).knowledge;
      printJson(benchmarkText(occupations, skills, { titles, textMb, lang: opts.lang }));
    });
}
