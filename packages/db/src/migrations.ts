import { fileURLToPath } from 'node:url';

/** The folder of generated SQL migrations (forward-only, applied in order, each recorded). */
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
