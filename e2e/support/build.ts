import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../../packages/web/', import.meta.url));
const lock = join(web, '.build-lock');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/**
 * Builds the web app when its sources are newer than the build (several test files may ask at
 * once: a lock directory makes them take turns, and the later ones find the build fresh).
 */
export async function ensureWebBuilt(): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const index = join(web, 'dist/index.html');
    const sources = Math.max(
      newestMtime(join(web, 'src')),
      newestMtime(join(web, 'index.html')),
      newestMtime(join(web, 'vite.config.ts')),
    );
    if (!existsSync(index) || statSync(index).mtimeMs < sources) {
      execFileSync(
        process.execPath,
        [join(web, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
        {
          cwd: web,
          stdio: 'inherit',
          // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build (about
          // 1.5x the JavaScript): the tests measure, and leave behind for `npm start`, what users get.
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
