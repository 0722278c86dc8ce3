// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The arrows between packages (docs/architecture.md). Each package may import only the
 * packages listed here; nothing imports server, cli or web. Cycles are checked by dependency-cruiser
 * (.dependency-cruiser.cjs), which runs in `npm run lint`.
 */
const allowed = {
  core: [],
  taxonomy: ['core'],
  text: ['core', 'taxonomy'],
  matching: ['core', 'taxonomy'],
  db: ['core'],
  demo: ['core', 'taxonomy'],
  io: ['core', 'taxonomy', 'text', 'db'],
  server: ['core', 'taxonomy', 'text', 'matching', 'db', 'demo', 'io'],
  cli: ['core', 'taxonomy', 'text', 'matching', 'db', 'demo', 'io', 'server'],
  web: ['core'],
};
const all = ['core', 'taxonomy', 'text', 'matching', 'db', 'demo', 'io', 'server', 'cli', 'web'];

const arrowRules = Object.entries(allowed).map(([pkg, deps]) => ({
  files: [`packages/${pkg}/**/*.ts`, `packages/${pkg}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: all.filter((p) => p !== pkg && !deps.includes(p)).map((p) => `@passerelle/${p}*`),
            message: `packages/${pkg} may import only: ${deps.join(', ') || '(no other package)'} (docs/architecture.md).`,
          },
          {
            group: ['../../*/src/*', '../../../packages/*'],
            message: 'Import other packages by their name (@passerelle/...), never by a relative path.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '.dependency-cruiser.cjs',
      '**/node_modules/**',
      '.tools/**',
      'data/**',
      '**/dist/**',
      'coverage/**',
      'packages/db/migrations/**',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...arrowRules,
  {
    files: ['packages/core/**/*.ts', 'packages/matching/**/*.ts'],
    ignores: ['**/*.test.ts', '**/bench/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core and matching are pure: pass config in.' },
      ],
    },
  },
);
