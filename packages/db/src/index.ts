export type { Database, Db, RawTx, Schema } from './database';
export { openDatabase, migrateDatabase, appliedMigrations } from './open';
export { backupDatabase, restoreDatabase, snapshotTables, listTablesInDependencyOrder } from './backup';
export * as tables from './schema/index';

export { createOrganisationStore, isUniqueViolation } from './stores/organisations';
export { createTaxonomyStore } from './stores/taxonomy';
