import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, tokenScopeSchema } from '@passerelle/core';
import { createApiTokenStore, type ApiTokenRow } from '@passerelle/db';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import { requireUser } from '../../auth/authenticate';
import { issueApiToken } from '../../auth/tokens';

const tokenResponse = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .partial()
  .meta({ id: 'ApiToken' });

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());
const tokenRecord = (t: ApiTokenRow) => ({
  id: t.id,
  userId: t.userId,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  expiresAt: iso(t.expiresAt)!,
  revokedAt: iso(t.revokedAt),
  lastUsedAt: iso(t.lastUsedAt),
  createdAt: iso(t.createdAt)!,
  tokenHash: t.tokenHash,
});

/** API tokens of the signed-in user (administrators see all). The token itself is shown once, at creation. */
export async function tokenRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createApiTokenStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];

  r.get(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'List your API tokens (administrators: all)',
        response: { 200: z.object({ items: z.array(tokenResponse) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      await ctx.policy.authorize(actor, 'list', { type: 'token' });
      const rows = await store.listForUser(actor.role === 'administrator' ? null : actor.userId);
      const visible = [];
      for (const t of rows) {
        if (
          await (ctx.policy.permits?.(actor, 'read', { type: 'token', record: { userId: t.userId } }) ?? true)
        ) {
          visible.push(await ctx.policy.visibleFields(actor, 'token', tokenRecord(t)));
        }
      }
      return { items: visible };
    },
  );

  r.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for yourself; the response is the only time the token is shown',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z.array(tokenScopeSchema).min(1).max(50),
          expiresInDays: z.number().int().min(1).max(366),
        }),
        response: {
          201: z.object({
            id: z.string(),
            token: z.string(),
            prefix: z.string(),
            expiresAt: z.string(),
            scopes: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (actor.kind === 'token') throw errors.forbidden('create', 'token');
      await ctx.policy.authorize(actor, 'create', { type: 'token', record: { userId: actor.userId } });
      const issued = await issueApiToken(store, {
        id: ctx.newId(),
        userId: actor.userId,
        name: request.body.name,
        scopes: request.body.scopes,
        lifetimeMs: request.body.expiresInDays * 86_400_000,
        now: ctx.now(),
      });
      await ctx.audit.record({
        actor,
        action: 'create',
        entity: 'token',
        entityId: issued.id,
        requestId: request.id,
      });
      return reply.status(201).send(issued);
    },
  );

  r.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: tokenResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const found = await store.get(request.params.id);
      if (!found) throw errors.notFound('token', request.params.id);
      await ctx.policy.authorize(actor, 'delete', {
        type: 'token',
        record: { id: found.id, userId: found.userId },
      });
      await store.revoke(found.id, ctx.now());
      await ctx.audit.record({
        actor,
        action: 'revoke',
        entity: 'token',
        entityId: found.id,
        requestId: request.id,
      });
      return ctx.policy.visibleFields(actor, 'token', tokenRecord((await store.get(found.id))!));
    },
  );
}
