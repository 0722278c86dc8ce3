import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkFollowUpDate, errors, type FollowUp, type Person } from '@passerelle/core';
import { createFollowUpStore, createPersonStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { requireIfMatch, setEtag } from '../../http/concurrency';
import { errorResponses } from '../../http/openapi';
import {
  audit,
  changeMeta,
  deletedResponse,
  idParams,
  pageOf,
  present,
  sendRemoved,
  today,
} from '../record-kit';
import {
  followUpCreateBody,
  followUpQuery,
  followUpResponse,
  followUpUpdateBody,
  personParams,
} from './schema';

const type = 'follow_up';

/**
 * Follow-ups (C5): what a counsellor learnt when they contacted a person after a placement (at 1,
 * 3, 6 and 12 months, or ad hoc). They are case records of the person: the person's case managers
 * and counsellors record and read them, the person reads their own; employers and programme
 * managers do not see them. Every read and change is audited.
 */
export async function followUpRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createFollowUpStore(ctx.database.db);
  const people = createPersonStore(ctx.database.db, { newId: ctx.newId });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-ups'];

  ctx.trust.registerPersonData({
    name: 'follow_ups',
    export: (personId) => store.exportForPerson(personId),
    // Erased with the profile (the person store removes them before the person).
  });

  async function mustGetPerson(id: string): Promise<Person> {
    const found = await people.get(id);
    if (!found) throw errors.notFound('person', id);
    return found;
  }
  /** The follow-up of the URL, once the action on it is allowed (404 when there is none). */
  async function mustGetFor(
    request: FastifyRequest<{ Params: { id: string } }>,
    action: 'read' | 'update' | 'archive',
  ): Promise<FollowUp> {
    const found = await store.get(request.params.id);
    if (!found) throw errors.notFound('follow_up', request.params.id);
    await authorize(request, action, { ...found }, await people.get(found.personId));
    return found;
  }
  /** Checks the action on a follow-up (or on the follow-ups of a person) against the person's scope. */
  async function authorize(
    request: FastifyRequest,
    action: 'list' | 'read' | 'create' | 'update' | 'archive',
    record: Record<string, unknown>,
    person: Person | null,
  ) {
    await ctx.policy.authorize(request.actor, action, {
      type,
      record,
      person: person ? { ...person } : null,
    });
  }
  const show = (request: FastifyRequest, f: FollowUp) => present(ctx, request.actor, type, f);

  r.get(
    '/api/people/:id/follow-ups',
    {
      schema: {
        tags,
        summary: "A person's follow-ups after placements, newest contact first (optionally of one referral)",
        params: personParams,
        querystring: followUpQuery,
        response: { 200: pageOf(followUpResponse), ...errorResponses },
      },
    },
    async (request) => {
      const person = await mustGetPerson(request.params.id);
      await authorize(request, 'list', { personId: person.id }, person);
      const page = await store.listByPerson(person.id, request.query);
      const items = await Promise.all(page.items.map((f) => show(request, f)));
      await audit(ctx, request, {
        action: 'list',
        entity: type,
        entityId: null,
        personId: person.id,
        changes: { followUpIds: page.items.map((f) => f.id) },
      });
      return { items, nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/people/:id/follow-ups',
    {
      schema: {
        tags,
        summary:
          'Record a follow-up of a person (the contact date is today by default and must not be after today; the referral, when given, must be theirs; Idempotency-Key supported)',
        params: personParams,
        body: followUpCreateBody,
        response: { 201: followUpResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const person = await mustGetPerson(request.params.id);
      await authorize(request, 'create', { ...request.body, personId: person.id }, person);
      const on = request.body.on ?? today(ctx);
      checkFollowUpDate(on, today(ctx));
      const created = await store.create(
        { ...request.body, on, personId: person.id },
        ctx.newId(),
        changeMeta(request),
      );
      await audit(ctx, request, {
        action: 'create',
        entity: type,
        entityId: created.id,
        personId: person.id,
        changes: { fields: Object.keys(request.body) },
      });
      setEtag(reply, created.version);
      reply.header('location', `/api/follow-ups/${created.id}`);
      return reply.status(201).send(await show(request, created));
    },
  );

  r.get(
    '/api/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Read a follow-up',
        params: idParams,
        response: { 200: followUpResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await mustGetFor(request, 'read');
      await audit(ctx, request, {
        action: 'read',
        entity: type,
        entityId: found.id,
        personId: found.personId,
      });
      setEtag(reply, found.version);
      return show(request, found);
    },
  );

  r.put(
    '/api/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Replace what a follow-up recorded (If-Match required)',
        params: idParams,
        body: followUpUpdateBody,
        response: { 200: followUpResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGetFor(request, 'update');
      checkFollowUpDate(request.body.on, today(ctx));
      const updated = await store.update(found.id, expected, request.body, changeMeta(request));
      await audit(ctx, request, {
        action: 'update',
        entity: type,
        entityId: found.id,
        personId: found.personId,
        changes: { fields: Object.keys(request.body) },
      });
      setEtag(reply, updated.version);
      return show(request, updated);
    },
  );

  r.delete(
    '/api/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a follow-up recorded by mistake (If-Match required)',
        params: idParams,
        response: { 204: deletedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGetFor(request, 'archive');
      const result = await store.remove(found.id, expected, changeMeta(request));
      await audit(ctx, request, {
        action: 'delete',
        entity: type,
        entityId: found.id,
        personId: found.personId,
      });
      return sendRemoved(reply, result, (x) => show(request, x));
    },
  );
}
