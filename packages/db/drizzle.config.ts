import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the TypeScript schema: `npm run db:generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/*.ts',
  out: './packages/db/migrations',
});
