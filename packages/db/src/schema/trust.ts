import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** People who sign in: staff, employer and partner users, and people who see their own profile. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Lower-cased; unique. */
    email: text('email').notNull().unique(),
    displayName: text('display_name'),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    country: text('country'),
    /** For the `person` role: their person record (owned by the records module). */
    personId: uuid('person_id'),
    grants: jsonb('grants').$type<string[]>().notNull().default([]),
    /** argon2id PHC string; null until a password is set (reset link). */
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last TOTP time step used, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabledAt: ts('disabled_at'),
    lastSignInAt: ts('last_sign_in_at'),
    passwordChangedAt: ts('password_changed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('users_organisation_idx').on(t.organisationId), index('users_person_idx').on(t.personId)],
);

/** Browser sessions; the cookie carries a random token of which only the SHA-256 is kept. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    mfaVerified: boolean('mfa_verified').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for integrations: hashed, scoped, expiring, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, to recognise it in lists (not enough to use it). */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One-time password reset links printed by `passerelle users reset-link`. */
export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The consent ledger: per person, recipient and purpose; entries are withdrawn, never edited. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id'),
    recipientCategory: text('recipient_category'),
    fields: jsonb('fields').$type<string[] | null>(),
    method: text('method').notNull(),
    witness: text('witness'),
    note: text('note'),
    startsAt: ts('starts_at').notNull(),
    expiresAt: ts('expires_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('consents_person_idx').on(t.personId, t.purpose),
    index('consents_recipient_idx').on(t.recipientOrganisationId),
  ],
);

/**
 * The audit trail: append-only (a trigger refuses UPDATE and DELETE) and hash-chained. `seq` is
 * assigned under a lock so that the chain has no gaps. Only ids and field names, never values.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: ts('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    personId: uuid('person_id'),
    reason: text('reason'),
    changes: jsonb('changes'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_person_idx').on(t.personId),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_entity_idx').on(t.entity, t.entityId),
    index('audit_events_at_idx').on(t.at),
  ],
);

/** Retention rules per programme (`*` is the default). */
export const retentionRules = pgTable('retention_rules', {
  programme: text('programme').primaryKey(),
  afterClosureDays: integer('after_closure_days'),
  afterInactivityDays: integer('after_inactivity_days'),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
