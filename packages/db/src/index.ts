export type { Database, Db, RawTx, Schema } from './database';
export { openDatabase, migrateDatabase, appliedMigrations } from './open';
export { backupDatabase, restoreDatabase, snapshotTables, listTablesInDependencyOrder } from './backup';
export * as tables from './schema/index';

export { createOrganisationStore, isUniqueViolation } from './stores/organisations';
export { createTaxonomyStore } from './stores/taxonomy';
export {
  createUserStore,
  normaliseEmail,
  type UserStore,
  type UserRow,
  type NewUser,
  type UserPatch,
} from './stores/users';
export {
  createSessionStore,
  createApiTokenStore,
  createPasswordResetStore,
  type SessionStore,
  type SessionRow,
  type ApiTokenStore,
  type ApiTokenRow,
  type PasswordResetStore,
} from './stores/sessions';
export { createConsentStore, type ConsentStore } from './stores/consents';
export {
  createAuditStore,
  sha256Hex,
  type AuditStore,
  type AuditEvent,
  type NewAuditEvent,
  type AuditQuery,
  type AuditVerification,
} from './stores/audit';
export { createRetentionRuleStore, type RetentionRuleStore } from './stores/retention';
export { findPostgresBinaries, startThrowawayCluster, type ThrowawayCluster } from './testing/pg-cluster';
export { createPersonStore, personColumns, duplicateProbeOf, mergePersonData } from './stores/people';
export { createVacancyStore, vacancyColumns } from './stores/vacancies';
export { createReferralStore } from './stores/referrals';
export { createTrainingStore, trainingColumns } from './stores/trainings';
export { createServiceStore, serviceColumns } from './stores/services';
export { createEventStore, eventColumns } from './stores/events';
export { createFollowUpStore } from './stores/follow-ups';
