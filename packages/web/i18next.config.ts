import { defineConfig } from 'i18next-cli';

/** String extraction: `npm run i18n:extract -w @passerelle/web` adds new keys to every locale file. */
export default defineConfig({
  locales: ['en', 'fr', 'nl', 'ar', 'ckb'],
  extract: {
    input: ['src/**/*.{ts,tsx}'],
    ignore: ['src/**/*.test.ts'],
    output: 'src/locales/{{language}}/translation.json',
    primaryLanguage: 'en',
    defaultNS: 'translation',
    keySeparator: false,
    nsSeparator: false,
    functions: ['t', 'tt', 'i18n.t'],
    removeUnusedKeys: true,
    sort: true,
    indentation: 2,
  },
});
