import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors, referralHistoryQuery, referralListQuery, type Referral } from '@passerelle/core';
import { createPersonStore, createReferralStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { requireIfMatch, setEtag } from '../../http/concurrency';
import { errorResponses } from '../../http/openapi';
import {
  audit,
  changeMeta,
  deletedResponse,
  idParams,
  listScopeOf,
  pageOf,
  presentItems,
  sendRemoved,
  today,
} from '../record-kit';
import { organisationNameLookup } from '../organisation-names';
import { presentReferral, withOrganisationName } from './presenter';
import {
  referralCreateBody,
  referralHistoryResponse,
  referralResponse,
  referralTransitionBody,
  referralUpdateBody,
} from './schema';

/**
 * Referrals (C5): a person to a vacancy, a training or a service. Creating and sending need the
 * person's consent for the receiving organisation; status changes follow the pipeline in core and
 * are kept in the history. Referrals are about a person, so every read and change is audited.
 */
export async function referralRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createReferralStore(ctx.database.db, { newId: ctx.newId });
  const people = createPersonStore(ctx.database.db, { newId: ctx.newId });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];

  async function mustGet(id: string): Promise<Referral> {
    const found = await store.get(id);
    if (!found) throw errors.notFound('referral', id);
    return found;
  }
  async function personOf(referral: Pick<Referral, 'personId'>) {
    const person = await people.get(referral.personId);
    return person ? ({ ...person } as Record<string, unknown>) : null;
  }

  r.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'List referrals (by person, target, receiving organisation, status, follow-up date)',
        querystring: referralListQuery,
        response: { 200: pageOf(referralResponse), ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'referral' });
      const { scope, perRecord } = listScopeOf(ctx, request.actor, 'referral');
      const page = await store.list(request.query, scope);
      const names = organisationNameLookup(ctx.database);
      const items = await Promise.all(
        (await presentItems(ctx, request.actor, 'referral', page.items, perRecord)).map((x) =>
          withOrganisationName(x, names),
        ),
      );
      await audit(ctx, request, {
        action: 'list',
        entity: 'referral',
        entityId: null,
        changes: { referralIds: items.map((x) => x.id) },
      });
      return { items, nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary:
          "Refer a person to a vacancy, training or service (needs the person's consent; Idempotency-Key supported)",
        body: referralCreateBody,
        response: { 201: referralResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const person = await people.get(body.personId);
      if (!person) {
        throw errors.invalidReference([
          { path: ['personId'], entity: 'person', id: body.personId, reason: 'missing' },
        ]);
      }
      const organisationId = await store.targetOrganisation(body.targetKind, body.targetId);
      await ctx.policy.authorize(request.actor, 'create', {
        type: 'referral',
        record: { ...body, organisationId },
        person: { ...person },
      });
      await ctx.consent.require(body.personId, 'referral', { organisationId });
      // Nobody is referred while their case is closed (reopen it first).
      if (person.caseClosure)
        throw errors.conflict('the case is closed', { closedOn: person.caseClosure.on });
      const created = await store.create(
        { ...body, on: body.on ?? today(ctx) },
        ctx.newId(),
        changeMeta(request),
      );
      await audit(ctx, request, {
        action: 'create',
        entity: 'referral',
        entityId: created.id,
        personId: created.personId,
        changes: { status: created.status, targetKind: created.targetKind, targetId: created.targetId },
      });
      setEtag(reply, created.version);
      reply.header('location', `/api/referrals/${created.id}`);
      return reply.status(201).send(await presentReferral(ctx, request.actor, created));
    },
  );

  r.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Read a referral',
        params: idParams,
        response: { 200: referralResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', {
        type: 'referral',
        record: { ...found },
        person: await personOf(found),
      });
      await audit(ctx, request, {
        action: 'read',
        entity: 'referral',
        entityId: found.id,
        personId: found.personId,
      });
      setEtag(reply, found.version);
      return presentReferral(ctx, request.actor, found);
    },
  );

  r.put(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary:
          'Replace the motivation, notes and follow-up date of a referral (If-Match required; the status changes through /status)',
        params: idParams,
        body: referralUpdateBody,
        response: { 200: referralResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'update', {
        type: 'referral',
        record: { ...found },
        person: await personOf(found),
      });
      const updated = await store.update(found.id, expected, request.body, changeMeta(request));
      await audit(ctx, request, {
        action: 'update',
        entity: 'referral',
        entityId: found.id,
        personId: found.personId,
        changes: { fields: Object.keys(request.body) },
      });
      setEtag(reply, updated.version);
      return presentReferral(ctx, request.actor, updated);
    },
  );

  r.post(
    '/api/referrals/:id/status',
    {
      schema: {
        tags,
        summary:
          'Change the status: proposed → sent → accepted | rejected → started → completed | dropped (a reason is needed for rejected and dropped; If-Match required; an invalid step is 409 invalid_transition)',
        params: idParams,
        body: referralTransitionBody,
        response: { 200: referralResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'update', {
        type: 'referral',
        record: { ...found },
        person: await personOf(found),
      });
      // Sending shares the person with the receiving organisation: the consent must still hold.
      if (request.body.to === 'sent')
        await ctx.consent.require(found.personId, 'referral', { organisationId: found.organisationId });
      const on = request.body.on ?? today(ctx);
      const updated = await store.transition(
        found.id,
        expected,
        { ...request.body, on },
        today(ctx),
        changeMeta(request),
      );
      await audit(ctx, request, {
        action: 'status_change',
        entity: 'referral',
        entityId: found.id,
        personId: found.personId,
        changes: { from: found.status, to: updated.status, on },
      });
      setEtag(reply, updated.version);
      return presentReferral(ctx, request.actor, updated);
    },
  );

  r.delete(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a referral still only proposed; any other is archived, since it records something that happened (If-Match required)',
        params: idParams,
        response: { 200: referralResponse, 204: deletedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'archive', {
        type: 'referral',
        record: { ...found },
        person: await personOf(found),
      });
      const result = await store.remove(found.id, expected, changeMeta(request));
      await audit(ctx, request, {
        action: result.outcome === 'deleted' ? 'delete' : 'archive',
        entity: 'referral',
        entityId: found.id,
        personId: found.personId,
      });
      return sendRemoved(reply, result, (x) => presentReferral(ctx, request.actor, x));
    },
  );

  r.get(
    '/api/referrals/:id/history',
    {
      schema: {
        tags,
        summary: 'Every change of a referral, oldest first',
        params: idParams,
        querystring: referralHistoryQuery,
        response: { 200: pageOf(referralHistoryResponse), ...errorResponses },
      },
    },
    async (request) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', {
        type: 'referral',
        record: { ...found },
        person: await personOf(found),
      });
      await audit(ctx, request, {
        action: 'read_history',
        entity: 'referral',
        entityId: found.id,
        personId: found.personId,
      });
      return store.history(found.id, request.query);
    },
  );
}
