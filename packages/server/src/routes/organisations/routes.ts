import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors, organisationListQuery } from '@passerelle/core';
import { createOrganisationStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { requireIfMatch, setEtag } from '../../http/concurrency';
import { errorResponses } from '../../http/openapi';
import { idParams, organisationBody, organisationPage, organisationResponse } from './schema';
import { presentOrganisation } from './presenter';

/** CRUD for organisations: the pattern every record resource follows. */
export async function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createOrganisationStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'List organisations',
        querystring: organisationListQuery,
        response: { 200: organisationPage, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'organisation' });
      const page = await store.list(request.query);
      return {
        items: await Promise.all(page.items.map((o) => presentOrganisation(ctx.policy, request.actor, o))),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.post(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation (Idempotency-Key supported)',
        body: organisationBody,
        response: { 201: organisationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.policy.authorize(request.actor, 'create', { type: 'organisation', record: request.body });
      const created = await store.create(request.body, ctx.newId());
      setEtag(reply, created.version);
      reply.header('location', `/api/organisations/${created.id}`);
      return reply.status(201).send(await presentOrganisation(ctx.policy, request.actor, created));
    },
  );

  r.get(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Read an organisation',
        params: idParams,
        response: { 200: organisationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await store.get(request.params.id);
      if (!found) throw errors.notFound('organisation', request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'organisation', record: { ...found } });
      setEtag(reply, found.version);
      return presentOrganisation(ctx.policy, request.actor, found);
    },
  );

  r.put(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Replace an organisation (If-Match required)',
        params: idParams,
        body: organisationBody,
        response: { 200: organisationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await store.get(request.params.id);
      if (!found) throw errors.notFound('organisation', request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type: 'organisation', record: { ...found } });
      // The replaced record must stay within the caller's scope too (e.g. a case manager's country).
      await ctx.policy.authorize(request.actor, 'update', {
        type: 'organisation',
        record: { ...found, ...request.body },
      });
      const updated = await store.update(request.params.id, expected, request.body);
      setEtag(reply, updated.version);
      return presentOrganisation(ctx.policy, request.actor, updated);
    },
  );

  r.delete(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary:
          'Archive an organisation (records others refer to are archived, not deleted; If-Match required)',
        params: idParams,
        response: { 200: organisationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await store.get(request.params.id);
      if (!found) throw errors.notFound('organisation', request.params.id);
      await ctx.policy.authorize(request.actor, 'archive', { type: 'organisation', record: { ...found } });
      const archived = await store.archive(request.params.id, expected);
      setEtag(reply, archived.version);
      return presentOrganisation(ctx.policy, request.actor, archived);
    },
  );
}
