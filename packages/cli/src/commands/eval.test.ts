import { afterEach, expect, test, vi } from 'vitest';
import { textFixture } from '@passerelle/text/testing';
import { buildProgram } from '../program';

const fixture = textFixture;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the program and returns the one JSON object it printed. */
async function runJson(args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await buildProgram().parseAsync(['node', 'passerelle', ...args]);
  return JSON.parse(out) as Record<string, unknown>;
}

test('eval link-occupations prints one JSON object with the MELO metrics', async () => {
  const report = await runJson([
    'eval',
    'link-occupations',
    '--dataset',
    fixture('melo-tiny_q_en_c_en'),
    '--json',
  ]);
  expect(Object.keys(report)).toEqual([
    'dataset',
    'queries',
    'mrr',
    'acc_at_1',
    'recall_at_5',
    'recall_at_10',
    'uses_taxonomy',
  ]);
  expect(report.queries).toBe(3);
  expect(report.uses_taxonomy).toBe(false);
});

test('eval normalize-titles and extract-skills print their metrics', async () => {
  const titles = await runJson([
    'eval',
    'normalize-titles',
    '--pairs',
    fixture('pairs_tiny.csv'),
    '--occupations',
    fixture('esco/occupations_en.csv'),
    '--json',
  ]);
  expect(titles.pairs).toBe(4);
  const skills = await runJson([
    'eval',
    'extract-skills',
    '--annotations',
    fixture('skills/annotations.csv'),
    '--skills',
    fixture('skills/labels.txt'),
    '--json',
  ]);
  expect(skills.sentences).toBe(3);
  expect(skills.rp_at_5).toBe(1);
});

test('a missing dataset folder is a usage error', async () => {
  await expect(
    buildProgram().parseAsync([
      'node',
      'passerelle',
      'eval',
      'link-occupations',
      '--dataset',
      '/no/such/folder',
    ]),
  ).rejects.toThrow(/no such file or folder/);
});
