import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { supportedLanguages } from './languages';

const webRoot = fileURLToPath(new URL('../../', import.meta.url));
const load = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('every string used in the code is in the English file (the extractor would change nothing)', () => {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('i18next-cli/package.json').replace(/package\.json$/, 'dist/esm/cli.js');
  const run = spawnSync(process.execPath, [cli, 'extract', '--ci', '--dry-run'], {
    cwd: webRoot,
    encoding: 'utf8',
  });
  expect(run.status, `${run.stdout}\n${run.stderr}\nRun: npm run i18n:extract -w @passerelle/web`).toBe(0);
});

test('every language has a non-empty translation for every English string', () => {
  const en = load('en');
  expect(Object.keys(en).length).toBeGreaterThan(100);
  for (const lang of supportedLanguages) {
    const strings = load(lang);
    const missing = Object.keys(en).filter((k) => typeof strings[k] !== 'string' || strings[k].trim() === '');
    expect(missing, `${lang} lacks translations`).toEqual([]);
    const extra = Object.keys(strings).filter((k) => !(k in en));
    expect(extra, `${lang} has strings the code no longer uses`).toEqual([]);
  }
});

test('translations keep the same placeholders as English', () => {
  const en = load('en');
  for (const lang of supportedLanguages) {
    const strings = load(lang);
    const wrong = Object.keys(en).filter(
      (k) => JSON.stringify(placeholders(en[k] ?? '')) !== JSON.stringify(placeholders(strings[k] ?? '')),
    );
    expect(wrong, `${lang} placeholders differ`).toEqual([]);
  }
});

test('Arabic and Sorani strings are written in Arabic script, not left in English', () => {
  const en = load('en');
  for (const lang of ['ar', 'ckb']) {
    const strings = load(lang);
    const latinOnly = Object.keys(en).filter((k) => {
      const v = (strings[k] ?? '')
        .replace(/\{\{\s*\w+\s*\}\}/g, '')
        .replace(/\b(Passerelle|ESCO|CSV|XLSX|ISCED|CEFR|2011|ar|fr|ckb)\b/g, '');
      return /[A-Za-z]/.test(v) && !/[\u0600-\u06FF]/.test(v);
    });
    expect(latinOnly, `${lang} strings still in Latin script`).toEqual([]);
  }
});

test('French strings do not hedge a country’s article with a slash ("en/au {{country}}")', () => {
  const fr = load('fr');
  // "Vit en/au France" read as a form letter; a country placeholder needs a wording without article.
  const hedged = Object.entries(fr).filter(([, v]) => /\b(en|au|aux)\/(en|au|aux)\b/.test(v));
  expect(hedged).toEqual([]);
});
