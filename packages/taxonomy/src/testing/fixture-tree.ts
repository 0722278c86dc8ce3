import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Writes text fixtures (path → lines) under a new temporary folder, removed when the process
 * exits, and returns the folder: for tests of code that reads files by their names.
 */
export function writeFixtureTree(prefix: string, files: Record<string, readonly string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, lines] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${lines.join('\n')}\n`);
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
