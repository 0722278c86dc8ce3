import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Organisations: the programme's missions, partners, employers, training providers, financial
 * institutions and public employment services. The records issue extends the profile in `data`.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    country: text('country'),
    externalId: text('external_id').unique(),
    data: jsonb('data').notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('organisations_kind_name_idx').on(t.kind, t.name),
    index('organisations_country_idx').on(t.country),
  ],
);

/** Replay store for POST requests with an Idempotency-Key: the first answer is returned again. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  body: jsonb('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
