import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAuditStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';

const auditEvent = z
  .object({
    seq: z.number(),
    id: z.string(),
    at: z.string(),
    actorKind: z.string(),
    actorUserId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    personId: z.string().nullable(),
    reason: z.string().nullable(),
    changes: z.unknown(),
    requestId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .partial()
  .meta({ id: 'AuditEvent' });

const query = z.object({
  personId: z.string().uuid().optional(),
  actorUserId: z.string().uuid().optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(1).optional(),
});

/** The audit trail for administrators: query, and verify the hash chain. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createAuditStore(ctx.database);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Audit entries, newest first (administrators)',
        querystring: query,
        response: {
          200: z.object({ items: z.array(auditEvent), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'audit' });
      const { cursor, ...q } = request.query;
      const page = await store.list({ ...q, beforeSeq: cursor ?? null });
      const items = await Promise.all(
        page.items.map((e) => ctx.policy.visibleFields(request.actor, 'audit', { ...e })),
      );
      return { items, nextCursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq) };
    },
  );

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Check the hash chain of the whole audit trail (administrators)',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
            break: z.object({ seq: z.number(), id: z.string(), problem: z.string() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'audit' });
      const { ok, checked, head, break: brk } = await store.verify();
      return { ok, checked, head, break: brk };
    },
  );
}
