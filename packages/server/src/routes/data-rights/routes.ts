import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, errors, fieldAccessFor, recordScopeOf, retentionRuleInput } from '@passerelle/core';
import { createRetentionRuleStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import { subjectOf } from '../../auth/role-policy';
import { renderExportHtml, type DataRights } from '../../auth/data-rights';
import type { Actor } from '../../auth/policy';

const personParams = z.object({ personId: z.string().uuid() });
const exportResponse = z.object({
  personId: z.string(),
  exportedAt: z.string(),
  sections: z.record(z.string(), z.unknown()),
});
const retentionRule = z.object({
  programme: z.string(),
  afterClosureDays: z.number().nullable(),
  afterInactivityDays: z.number().nullable(),
});

/** Export and erasure of a person, and retention rules. */
export async function dataRightsRoutes(app: FastifyInstance, ctx: AppContext, rights: DataRights) {
  const rules = createRetentionRuleStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data rights'];

  async function loadPerson(personId: string): Promise<Record<string, unknown>> {
    const loader = ctx.trust.personLoader;
    if (!loader) return { id: personId };
    const person = await loader(personId);
    if (!person) throw errors.notFound('person', personId);
    return person;
  }

  /** An export is everything, sensitive fields included: only for the person, an assigned case manager, or an administrator with a reason. */
  async function authorizeExport(actor: Actor, personId: string) {
    const person = await loadPerson(personId);
    await ctx.policy.authorize(actor, 'export', { type: 'person', record: person });
    const subject = subjectOf(actor);
    if (actor.kind === 'system') return;
    if (!subject) throw errors.unauthenticated();
    const access = fieldAccessFor(
      subject,
      'person',
      { record: recordScopeOf('person', person) },
      { accessReason: actor.accessReason ?? null },
    );
    if (access.level !== 'full')
      throw new DomainError('forbidden', {
        action: 'export',
        resource: 'person',
        reason: subject.role === 'administrator' ? 'access_reason_required' : 'full_access_required',
      });
  }

  const doExport = async (actor: Actor, personId: string, format: string) => {
    await authorizeExport(actor, personId);
    const data = await rights.exportPerson(personId);
    await ctx.audit.record({
      actor,
      action: 'export',
      entity: 'person',
      entityId: personId,
      personId,
      reason: actor.accessReason ?? null,
      changes: { [format]: true },
      requestId: actor.requestId ?? null,
    });
    return data;
  };

  r.get(
    '/api/people/:personId/export',
    {
      schema: {
        tags,
        summary:
          'Everything held about a person, as JSON (the person, an assigned case manager, or an administrator giving X-Access-Reason)',
        params: personParams,
        response: { 200: exportResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await doExport(request.actor, request.params.personId, 'json');
      reply.header('content-disposition', `attachment; filename="person-${request.params.personId}.json"`);
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  r.get(
    '/api/people/:personId/export.html',
    {
      schema: {
        tags,
        summary: 'Everything held about a person, as a readable, printable document',
        params: personParams,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const data = await doExport(request.actor, request.params.personId, 'html');
      reply.header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(renderExportHtml(data));
    },
  );

  r.post(
    '/api/people/:personId/erase',
    {
      schema: {
        tags,
        summary:
          'Erase a person everywhere (database, search, matching index, exports); the audit trail keeps a tombstone (administrators)',
        params: personParams,
        body: z.object({ reason: z.string().trim().min(5).max(500) }),
        response: {
          200: z.object({ personId: z.string(), removed: z.record(z.string(), z.number()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const person = await loadPerson(personId);
      await ctx.policy.authorize(request.actor, 'delete', { type: 'person', record: person });
      const removed = await rights.erasePerson(personId, request.actor, request.body.reason);
      return { personId, removed };
    },
  );

  r.get(
    '/api/retention/rules',
    {
      schema: {
        tags,
        summary: 'Retention rules per programme',
        response: { 200: z.object({ items: z.array(retentionRule) }), ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'retention' });
      return { items: await rules.list() };
    },
  );

  r.put(
    '/api/retention/rules/:programme',
    {
      schema: {
        tags,
        summary: 'Set the retention rule of a programme (`*` is the default)',
        params: z.object({ programme: z.string().trim().min(1).max(100) }),
        body: retentionRuleInput,
        response: { 200: retentionRule, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'update', { type: 'retention' });
      const rule = await rules.put(request.params.programme, request.body, request.actor.userId);
      await ctx.audit.record({
        actor: request.actor,
        action: 'update',
        entity: 'retention_rule',
        entityId: request.params.programme,
        changes: request.body,
        requestId: request.id,
      });
      return rule;
    },
  );

  r.post(
    '/api/retention/run',
    {
      schema: {
        tags,
        summary: 'Apply the retention rules now (as `passerelle retention run`)',
        response: {
          200: z.object({
            ranAt: z.string(),
            erased: z.array(
              z.object({
                personId: z.string(),
                programme: z.string().nullable(),
                rule: z.string(),
                because: z.string(),
                removed: z.record(z.string(), z.number()),
              }),
            ),
            sessionsRemoved: z.number(),
            tokensRemoved: z.number(),
            resetLinksRemoved: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'update', { type: 'retention' });
      return rights.runRetention(request.actor);
    },
  );
}
