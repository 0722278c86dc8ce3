import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  evaluateOccupationLinking,
  evaluateSkillExtraction,
  evaluateTitleNormalization,
} from '@passerelle/text';
import { UsageError } from '../shared/exit';
import { printJson } from '../shared/options';

/** The ESCO folder given by --esco, else PASSERELLE_ESCO_DIR; checked to exist. */
export function escoDirOption(
  value: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = value ?? env.PASSERELLE_ESCO_DIR;
  if (dir === undefined || dir === '') return undefined;
  if (!existsSync(dir)) throw new UsageError(`--esco: no such folder: ${dir}`);
  return dir;
}

function requireFile(path: string, flag: string): string {
  if (!existsSync(path)) throw new UsageError(`${flag}: no such file or folder: ${path}`);
  return path;
}

/** `passerelle eval ...`: the text-understanding evaluations, each printing one JSON object. */
export function registerEval(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('evaluate text understanding on labelled data sets; each prints one JSON object');

  evalCommand
    .command('link-occupations')
    .description('rank the corpus elements of a MELO-layout folder for each query: MRR, Acc@1, recall@5/10')
    .requiredOption(
      '--dataset <dir>',
      'folder with queries.tsv, corpus_elements.tsv, concept_mapping.tsv, annotations.tsv',
    )
    .option(
      '--esco <dir>',
      'ESCO files used as extra knowledge (labels in other languages, descriptions, hierarchy); env PASSERELLE_ESCO_DIR',
    )
    .option('--query-lang <code>', 'language of the queries (default: from the folder name, else guessed)')
    .option('--json', 'print JSON (the default)')
    .action((opts: { dataset: string; esco?: string; queryLang?: string }) => {
      const escoDir = escoDirOption(opts.esco);
      printJson(
        evaluateOccupationLinking(requireFile(opts.dataset, '--dataset'), {
          ...(escoDir ? { escoDir } : {}),
          ...(opts.queryLang ? { queryLanguage: opts.queryLang } : {}),
        }),
      );
    });

  evalCommand
    .command('normalize-titles')
    .description(
      'rank all occupations of an ESCO occupations CSV for each title of a text,label CSV: MRR, Acc@1, recall@5',
    )
    .requiredOption('--pairs <file>', 'CSV with columns text,label (label: preferred label or URI)')
    .requiredOption('--occupations <file>', 'ESCO occupations CSV (official layout)')
    .option('--lang <code>', 'language of the titles and labels', 'en')
    .option('--json', 'print JSON (the default)')
    .action((opts: { pairs: string; occupations: string; lang: string }) => {
      printJson(
        evaluateTitleNormalization(
          requireFile(opts.pairs, '--pairs'),
          requireFile(opts.occupations, '--occupations'),
          { lang: opts.lang },
        ),
      );
    });

  evalCommand
    .command('extract-skills')
    .description('rank the skill label space for each annotated sentence: RP@5, RP@10, MRR')
    .requiredOption('--annotations <file>', 'CSV with columns sentence,span,sub_span,label')
    .requiredOption('--skills <file>', 'the label space: one preferred label a line, or an ESCO skills CSV')
    .option(
      '--esco <dir>',
      'ESCO files (skills_xx.csv) for alternative labels and descriptions; env PASSERELLE_ESCO_DIR',
    )
    .option('--lang <code>', 'language of the sentences and labels', 'en')
    .option('--json', 'print JSON (the default)')
    .action((opts: { annotations: string; skills: string; esco?: string; lang: string }) => {
      const escoDir = escoDirOption(opts.esco);
      printJson(
        evaluateSkillExtraction(
          requireFile(opts.annotations, '--annotations'),
          requireFile(opts.skills, '--skills'),
          {
            lang: opts.lang,
            ...(escoDir ? { escoDir } : {}),
          },
        ),
      );
    });
}
