import { z } from 'zod';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import {
  countryCode,
  externalId,
  isoDate,
  isoDateTime,
  longText,
  place,
  recordId,
  shortText,
  sortOrder,
  type ChangeMeta,
  type RemoveResult,
} from './common';

/** Events (C2): job and training fairs, information sessions, with the employers and people attending. */

export const eventTypes = ['job_fair', 'training_fair', 'information_session', 'workshop', 'other'] as const;

export const attendanceStatuses = ['registered', 'attended', 'absent'] as const;

export const eventFields = {
  externalId: externalId.nullish(),
  type: z.enum(eventTypes),
  title: shortText.min(1),
  description: longText.nullish(),
  organiserId: recordId.nullish(),
  startsAt: isoDateTime,
  endsAt: isoDateTime.nullish(),
  location: place.default({}),
  online: z.boolean().default(false),
  capacity: z.int().min(0).max(1_000_000).nullish(),
  /** Employers, training providers and other organisations taking part. */
  organisations: z
    .array(
      z.object({
        organisationId: recordId,
        role: z.enum(['exhibitor', 'sponsor', 'speaker', 'partner']).default('exhibitor'),
      }),
    )
    .max(1000)
    .default([]),
  /** People registered or attending. */
  people: z
    .array(z.object({ personId: recordId, status: z.enum(attendanceStatuses).default('registered') }))
    .max(10_000)
    .default([]),
};

export const eventInput = z.object(eventFields).superRefine((v, ctx) => {
  if (v.endsAt && Date.parse(v.endsAt) < Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must not be before startsAt' });
  }
  const orgs = new Set(v.organisations.map((o) => o.organisationId));
  if (orgs.size !== v.organisations.length) {
    ctx.addIssue({ code: 'custom', path: ['organisations'], message: 'an organisation is listed twice' });
  }
  const people = new Set(v.people.map((p) => p.personId));
  if (people.size !== v.people.length)
    ctx.addIssue({ code: 'custom', path: ['people'], message: 'a person is listed twice' });
});
export type EventInput = z.infer<typeof eventInput>;
export type EventInputDraft = z.input<typeof eventInput>;

export interface EventRecord extends EventInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const eventSorts = ['startsAt', 'title', 'createdAt'] as const;

export const eventListQuery = z.object({
  ...listQueryBase,
  q: z.string().trim().max(200).optional(),
  type: z.enum(eventTypes).optional(),
  country: countryCode.optional(),
  organiserId: recordId.optional(),
  organisationId: recordId.optional(),
  personId: recordId.optional(),
  from: isoDate.optional(),
  until: isoDate.optional(),
  sort: z.enum(eventSorts).default('startsAt'),
  order: sortOrder,
});
export type EventListQuery = z.infer<typeof eventListQuery>;

/** The port the database implements for events. */
export interface EventStore {
  create(input: EventInput, id: string, meta?: ChangeMeta): Promise<EventRecord>;
  get(id: string): Promise<EventRecord | null>;
  list(query: EventListQuery): Promise<Page<EventRecord>>;
  update(id: string, expectedVersion: number, input: EventInput, meta?: ChangeMeta): Promise<EventRecord>;
  /** Deletes the event, or archives it when people are recorded as attending. */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<EventRecord>>;
}
