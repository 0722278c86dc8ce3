import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/**
 * The records of C1, C2 and C5: people, vacancies, training offers, service offers, events and
 * referrals. Each table keeps the whole record in `data` (JSONB, the shape of the core schema)
 * and copies into columns only what lists filter, sort and index on; the stores write both from
 * the same input, so they never disagree.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });
const versioned = {
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  archivedAt: ts('archived_at'),
};

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id').unique(),
    givenName: text('given_name').notNull().default(''),
    familyName: text('family_name').notNull().default(''),
    /** Normalised "family given", the sort key of the name order. */
    sortName: text('sort_name').notNull(),
    /** Every name the person is known by, normalised and romanised, for substring search. */
    searchText: text('search_text').notNull(),
    /** Phonetic keys of name tokens and of token pairs, phone and document keys: duplicate candidates. */
    nameKeys: text('name_keys').array().notNull().default([]),
    namePairKeys: text('name_pair_keys').array().notNull().default([]),
    phoneKeys: text('phone_keys').array().notNull().default([]),
    documentKeys: text('document_keys').array().notNull().default([]),
    birthDate: day('birth_date'),
    owningOrganisationId: uuid('owning_organisation_id').references(() => organisations.id),
    country: text('country'),
    returnCountry: text('return_country'),
    hostCountry: text('host_country'),
    programme: text('programme'),
    caseManagerIds: text('case_manager_ids').array().notNull().default([]),
    /** ESCO URIs of the person's skills and of the occupations of their work experience (for matching). */
    skillUris: text('skill_uris').array().notNull().default([]),
    occupationUris: text('occupation_uris').array().notNull().default([]),
    /** No foreign key: a backup restores rows in batches, and the survivor may come later. */
    mergedIntoId: uuid('merged_into_id'),
    data: jsonb('data').notNull(),
    ...versioned,
  },
  (t) => [
    index('people_sort_name_idx').on(t.sortName, t.id),
    index('people_country_idx').on(t.country),
    index('people_return_country_idx').on(t.returnCountry),
    index('people_owning_organisation_idx').on(t.owningOrganisationId),
    index('people_name_keys_idx').using('gin', t.nameKeys),
    index('people_name_pair_keys_idx').using('gin', t.namePairKeys),
    index('people_phone_keys_idx').using('gin', t.phoneKeys),
    index('people_document_keys_idx').using('gin', t.documentKeys),
    index('people_case_managers_idx').using('gin', t.caseManagerIds),
  ],
);

/** Changes of a person's record; re-pointed to the survivor on a merge (originalPersonId keeps where it happened). */
export const personHistory = pgTable(
  'person_history',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    originalPersonId: uuid('original_person_id').notNull(),
    action: text('action').notNull(),
    version: integer('version').notNull(),
    changedFields: text('changed_fields').array().notNull().default([]),
    relatedPersonId: uuid('related_person_id'),
    actorId: text('actor_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('person_history_person_idx').on(t.personId, t.at, t.id)],
);

export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id').unique(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    status: text('status').notNull(),
    occupationUri: text('occupation_uri'),
    iscoCode: text('isco_code'),
    /** Essential and optional skill URIs (matching reads the split from data). */
    skillUris: text('skill_uris').array().notNull().default([]),
    country: text('country'),
    region: text('region'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    atHomePossible: boolean('at_home_possible').notNull().default(false),
    apprenticeship: boolean('apprenticeship').notNull().default(false),
    internship: boolean('internship').notNull().default(false),
    applyBy: day('apply_by'),
    startsOn: day('starts_on'),
    data: jsonb('data').notNull(),
    ...versioned,
  },
  (t) => [
    index('vacancies_employer_idx').on(t.employerId),
    index('vacancies_country_region_idx').on(t.country, t.region),
    index('vacancies_occupation_idx').on(t.occupationUri),
    index('vacancies_isco_idx').on(t.iscoCode),
    index('vacancies_created_idx').on(t.createdAt, t.id),
    index('vacancies_title_idx').on(t.title, t.id),
    index('vacancies_skill_uris_idx').using('gin', t.skillUris),
  ],
);

export const trainingOffers = pgTable(
  'training_offers',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id').unique(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    type: text('type').notNull(),
    delivery: text('delivery').notNull(),
    status: text('status').notNull(),
    skillUris: text('skill_uris').array().notNull().default([]),
    country: text('country'),
    region: text('region'),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    transportSupport: boolean('transport_support').notNull().default(false),
    childcareSupport: boolean('childcare_support').notNull().default(false),
    data: jsonb('data').notNull(),
    ...versioned,
  },
  (t) => [
    index('training_offers_provider_idx').on(t.providerId),
    index('training_offers_country_region_idx').on(t.country, t.region),
    index('training_offers_created_idx').on(t.createdAt, t.id),
    index('training_offers_skill_uris_idx').using('gin', t.skillUris),
  ],
);

export const serviceOffers = pgTable(
  'service_offers',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id').unique(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    category: text('category').notNull(),
    dimension: text('dimension'),
    country: text('country'),
    region: text('region'),
    data: jsonb('data').notNull(),
    ...versioned,
  },
  (t) => [
    index('service_offers_provider_idx').on(t.providerId),
    index('service_offers_category_idx').on(t.category),
    index('service_offers_country_region_idx').on(t.country, t.region),
  ],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id').unique(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    organiserId: uuid('organiser_id').references(() => organisations.id),
    startsAt: ts('starts_at').notNull(),
    country: text('country'),
    /** The record without its attendance lists (those live in the two tables below). */
    data: jsonb('data').notNull(),
    ...versioned,
  },
  (t) => [index('events_starts_idx').on(t.startsAt, t.id), index('events_country_idx').on(t.country)],
);

export const eventOrganisations = pgTable(
  'event_organisations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId] }),
    index('event_organisations_org_idx').on(t.organisationId),
  ],
);

export const eventPeople = pgTable(
  'event_people',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] }), index('event_people_person_idx').on(t.personId)],
);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    targetKind: text('target_kind').notNull(),
    vacancyId: uuid('vacancy_id').references(() => vacancies.id),
    trainingId: uuid('training_id').references(() => trainingOffers.id),
    serviceId: uuid('service_id').references(() => serviceOffers.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    motivation: text('motivation'),
    notes: text('notes'),
    followUpOn: day('follow_up_on'),
    proposedOn: day('proposed_on'),
    sentOn: day('sent_on'),
    respondedOn: day('responded_on'),
    startedOn: day('started_on'),
    endedOn: day('ended_on'),
    createdBy: text('created_by'),
    ...versioned,
  },
  (t) => [
    index('referrals_person_idx').on(t.personId),
    index('referrals_organisation_idx').on(t.organisationId),
    index('referrals_vacancy_idx').on(t.vacancyId),
    index('referrals_training_idx').on(t.trainingId),
    index('referrals_service_idx').on(t.serviceId),
    index('referrals_status_idx').on(t.status),
    index('referrals_created_idx').on(t.createdAt, t.id),
    check(
      'referrals_one_target',
      sql`(case when ${t.vacancyId} is null then 0 else 1 end + case when ${t.trainingId} is null then 0 else 1 end + case when ${t.serviceId} is null then 0 else 1 end) = 1`,
    ),
  ],
);

/** Every change of a referral: creation, status changes with their reason and date, edits, merges of the person. */
export const referralHistory = pgTable(
  'referral_history',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    on: day('on'),
    changedFields: text('changed_fields').array().notNull().default([]),
    actorId: text('actor_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('referral_history_referral_idx').on(t.referralId, t.at, t.id)],
);

/**
 * Follow-ups of a person after a placement (C5): at 1, 3, 6 or 12 months (`months`), or ad hoc
 * (null). The answers are columns: reports count employment at each point.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The placement followed; a referral of the same person (checked by the store). */
    referralId: uuid('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
    months: integer('months'),
    on: day('on').notNull(),
    channel: text('channel').notNull(),
    reached: boolean('reached').notNull(),
    employed: text('employed'),
    sameJob: boolean('same_job'),
    monthlyWage: doublePrecision('monthly_wage'),
    currency: text('currency'),
    contract: text('contract'),
    satisfaction: integer('satisfaction'),
    leftReason: text('left_reason'),
    notes: text('notes'),
    createdBy: text('created_by'),
    ...versioned,
  },
  (t) => [
    index('follow_ups_person_idx').on(t.personId, t.on, t.id),
    index('follow_ups_referral_idx').on(t.referralId),
    check('follow_ups_months', sql`${t.months} is null or ${t.months} in (1, 3, 6, 12)`),
  ],
);
