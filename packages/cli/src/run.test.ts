import { afterEach, expect, test, vi } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from './program';
import { allCommands, runProgram } from './run';

afterEach(() => vi.restoreAllMocks());

/** The words that name a command from the root, e.g. ['db', 'migrate']. */
function commandPath(cmd: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}

async function helpOf(words: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await runProgram(['node', 'passerelle', ...words, '--help']);
  vi.restoreAllMocks();
  return { code, out };
}

test('every command and subcommand answers --help with its usage and exit code 0', async () => {
  const paths = allCommands(buildProgram()).map(commandPath);
  expect(paths.length).toBeGreaterThan(20);
  expect(paths).toContainEqual(['db', 'restore']);
  const root = await helpOf([]);
  expect(root.code).toBe(0);
  expect(root.out).toContain('Usage: passerelle');
  for (const words of paths) {
    const { code, out } = await helpOf(words);
    expect(code, words.join(' ')).toBe(0);
    expect(out, words.join(' ')).toContain(`Usage: passerelle ${words.join(' ')}`);
  }
});

test('every command that opens the database accepts the same database options', () => {
  const leaves = allCommands(buildProgram()).filter((c) => c.commands.length === 0);
  // Benchmarks and evaluations run on throwaway in-memory data (bench: optionally a PostgreSQL URL)
  // and never open the configured database, so they do not take --data-dir.
  const throwaway = new Set(['bench', 'eval']);
  const configured = leaves.filter((c) => !throwaway.has(commandPath(c)[0] ?? ''));
  expect(configured.length).toBeGreaterThan(15);
  for (const c of configured) {
    const flags = c.options.map((o) => o.long);
    expect(flags, commandPath(c).join(' ')).toEqual(
      expect.arrayContaining(['--data-dir', '--database-url', '--log-level']),
    );
  }
});
