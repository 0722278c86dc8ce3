import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consentInput, consentMethods, consentPurposes, errors, type ConsentRecord } from '@passerelle/core';
import { createConsentStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import { requireUser } from '../../auth/authenticate';

export const consentResponse = z
  .object({
    id: z.string(),
    personId: z.string(),
    purpose: z.enum(consentPurposes),
    recipientOrganisationId: z.string().nullable(),
    recipientCategory: z.string().nullable(),
    fields: z.array(z.string()).nullable(),
    method: z.enum(consentMethods),
    witness: z.string().nullable(),
    note: z.string().nullable(),
    startsAt: z.string(),
    expiresAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
    active: z.boolean(),
  })
  .partial()
  .meta({ id: 'Consent' });

const personParams = z.object({ personId: z.string().uuid() });

/** The consent ledger of a person: list, record, withdraw (effective at once). */
export async function consentRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createConsentStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consents'];
  const present = async (actor: Parameters<typeof ctx.policy.visibleFields>[0], c: ConsentRecord) => {
    const now = ctx.now().getTime();
    const active =
      Date.parse(c.startsAt) <= now &&
      (c.expiresAt === null || Date.parse(c.expiresAt) > now) &&
      c.withdrawnAt === null;
    return ctx.policy.visibleFields(actor, 'consent', { ...c, active } as ConsentRecord & {
      active: boolean;
    } & Record<string, unknown>);
  };

  r.get(
    '/api/people/:personId/consents',
    {
      schema: {
        tags,
        summary: "A person's consents, newest first",
        params: personParams,
        response: { 200: z.object({ items: z.array(consentResponse) }), ...errorResponses },
      },
    },
    async (request) => {
      const { personId } = request.params;
      await ctx.policy.authorize(request.actor, 'list', { type: 'consent', record: { personId } });
      const items = await store.listForPerson(personId);
      return { items: await Promise.all(items.map((c) => present(request.actor, c))) };
    },
  );

  r.post(
    '/api/people/:personId/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent (who recorded it and how are kept)',
        params: personParams,
        body: consentInput,
        response: { 201: consentResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const { personId } = request.params;
      await ctx.policy.authorize(actor, 'create', { type: 'consent', record: { personId } });
      if (actor.role === 'person' && request.body.method !== 'self_service') {
        throw errors.validation([
          {
            path: ['method'],
            code: 'invalid_method',
            message: 'a consent you give yourself is self_service',
          },
        ]);
      }
      const created = await store.record({
        ...request.body,
        id: ctx.newId(),
        personId,
        recordedBy: actor.userId,
        now: ctx.now(),
      });
      await ctx.audit.record({
        actor,
        action: 'consent_recorded',
        entity: 'consent',
        entityId: created.id,
        personId,
        changes: { purpose: true, recipient: true, method: true },
        requestId: request.id,
      });
      return reply.status(201).send(await present(actor, created));
    },
  );

  r.post(
    '/api/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent; every check after this answer refuses',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ reason: z.string().trim().max(500).nullish() }).default({}),
        response: { 200: consentResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const found = await store.get(request.params.id);
      if (!found) throw errors.notFound('consent', request.params.id);
      await ctx.policy.authorize(actor, 'update', { type: 'consent', record: { ...found } });
      const withdrawn = await store.withdraw(found.id, actor.userId, request.body?.reason ?? null, ctx.now());
      await ctx.audit.record({
        actor,
        action: 'consent_withdrawn',
        entity: 'consent',
        entityId: found.id,
        personId: found.personId,
        requestId: request.id,
      });
      return present(actor, withdrawn);
    },
  );
}
