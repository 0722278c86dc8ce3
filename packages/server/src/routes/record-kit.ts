import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, isDomainError, type RecordListScope, type RemoveResult } from '@passerelle/core';
import type { Actor, Action, ResourceRef } from '../auth/policy';
import type { AuditEntry } from '../auth/ports';
import type { AppContext } from '../context';
import { requireIfMatch, setEtag } from '../http/concurrency';
import { errorResponses } from '../http/openapi';

/**
 * What the record routes (people, vacancies, trainings, services, events, referrals) share:
 * list scoping, presenting through the policy, archive-or-delete answers, audit entries.
 */

export const idParams = z.object({ id: z.uuid() });

/** Fields every stored record has. */
export const recordMeta = {
  id: z.uuid(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
};

/** A page of presented records. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The 204 answer of a delete that really deleted. */
export const deletedResponse = z.null().describe('Deleted: nothing referred to the record.');

/** The loose shape of a record as the policy sees it. */
type Loose = Record<string, unknown>;

/**
 * The store filter for what the actor may list of `type`, and whether records must also be
 * checked one by one (consent-based access cannot be a column filter).
 */
export function listScopeOf(
  ctx: AppContext,
  actor: Actor,
  type: string,
): { scope?: RecordListScope; perRecord: boolean } {
  const scope = ctx.policy.listScope?.(actor, type);
  if (!scope) return { perRecord: false };
  if (scope.perRecord) return { perRecord: true };
  return { scope, perRecord: false };
}

/** True when the policy lets the actor do `action` on the resource. */
export async function permits(
  ctx: AppContext,
  actor: Actor,
  action: Action,
  resource: ResourceRef,
): Promise<boolean> {
  if (ctx.policy.permits) return ctx.policy.permits(actor, action, resource);
  try {
    await ctx.policy.authorize(actor, action, resource);
    return true;
  } catch (e) {
    if (isDomainError(e) && (e.code === 'forbidden' || e.code === 'unauthenticated')) return false;
    throw e;
  }
}

/** Turns a record into its response: only the fields the actor may see (the one place where fields are filtered). */
export async function present<T extends object>(
  ctx: AppContext,
  actor: Actor,
  type: string,
  record: T,
): Promise<Partial<T>> {
  return (await ctx.policy.visibleFields(actor, type, { ...record } as T & Loose)) as Partial<T>;
}

/** Presents a page of records, dropping those the actor may not read when the scope is per record. */
export async function presentItems<T extends object>(
  ctx: AppContext,
  actor: Actor,
  type: string,
  items: T[],
  perRecord: boolean,
  resourceOf: (item: T) => ResourceRef = (item) => ({ type, record: { ...item } as Loose }),
): Promise<Partial<T>[]> {
  const out: Partial<T>[] = [];
  for (const item of items) {
    if (perRecord && !(await permits(ctx, actor, 'read', resourceOf(item)))) continue;
    out.push(await present(ctx, actor, type, item));
  }
  return out;
}

/** Answers a delete: 200 with the archived record and its ETag, or 204 when it was deleted. */
export async function sendRemoved<T extends { version: number }>(
  reply: FastifyReply,
  result: RemoveResult<T>,
  presentRecord: (record: T) => Promise<unknown>,
): Promise<FastifyReply> {
  if (result.outcome === 'deleted') return reply.status(204).send();
  setEtag(reply, result.record.version);
  return reply.status(200).send(await presentRecord(result.record));
}

/** Writes an audit entry for a read or a change made by this request. */
export async function audit(
  ctx: AppContext,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'actor' | 'requestId'>,
): Promise<void> {
  await ctx.audit.record({ ...entry, actor: request.actor, requestId: request.id });
}

/** Who made a change, for the history tables. */
export function changeMeta(request: FastifyRequest): { actorId: string | null } {
  return { actorId: request.actor.userId ?? null };
}

/** Today as `YYYY-MM-DD` in UTC. */
export function today(ctx: AppContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** The store operations the generic record routes need. */
export interface CrudStore<I, R extends { id: string; version: number }, Q> {
  create(input: I, id: string, meta?: { actorId: string | null }): Promise<R>;
  get(id: string): Promise<R | null>;
  list(query: Q, scope?: RecordListScope): Promise<{ items: R[]; nextCursor: string | null }>;
  update(id: string, expectedVersion: number, input: I, meta?: { actorId: string | null }): Promise<R>;
  remove(id: string, expectedVersion: number, meta?: { actorId: string | null }): Promise<RemoveResult<R>>;
}

/** What a record resource declares to get its five routes. */
export interface CrudSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  R extends { id: string; version: number },
> {
  /** `/api/vacancies` */
  path: string;
  /** The resource type the policy knows (`vacancy`, `training`, `service`, `event`). */
  type: string;
  /** The name used in not_found errors and summaries. */
  entity: string;
  tags: string[];
  body: B;
  query: Q;
  response: z.ZodType;
  store: CrudStore<z.output<B>, R, z.output<Q>>;
  /** What makes a record "referred to" (said in the delete summary). */
  referredBy: string;
}

/** Registers list, create, read, replace and delete for a record resource, the organisation pattern made generic. */
export function registerCrudRoutes<
  B extends z.ZodType,
  Q extends z.ZodType,
  R extends { id: string; version: number },
>(app: FastifyInstance, ctx: AppContext, spec: CrudSpec<B, Q, R>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { path, type, entity, tags, store } = spec;
  const show = (actor: Actor, record: R) => present(ctx, actor, type, record);
  const mustGet = async (id: string): Promise<R> => {
    const found = await store.get(id);
    if (!found) throw errors.notFound(entity, id);
    return found;
  };

  r.get(
    path,
    {
      schema: {
        tags,
        summary: `List ${entity} records (filters, sorting, cursor pagination)`,
        querystring: spec.query,
        response: { 200: pageOf(spec.response), ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type });
      const { scope, perRecord } = listScopeOf(ctx, request.actor, type);
      const page = await store.list(request.query as z.output<Q>, scope);
      return {
        items: await presentItems(ctx, request.actor, type, page.items, perRecord),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.post(
    path,
    {
      schema: {
        tags,
        summary: `Create a ${entity} (Idempotency-Key supported)`,
        body: spec.body,
        response: { 201: spec.response, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body as z.output<B>;
      await ctx.policy.authorize(request.actor, 'create', { type, record: { ...(body as object) } });
      const created = await store.create(body, ctx.newId(), changeMeta(request));
      setEtag(reply, created.version);
      reply.header('location', `${path}/${created.id}`);
      return reply.status(201).send(await show(request.actor, created));
    },
  );

  r.get(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Read a ${entity}`,
        params: idParams,
        response: { 200: spec.response, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type, record: { ...found } });
      setEtag(reply, found.version);
      return show(request.actor, found);
    },
  );

  r.put(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Replace a ${entity} (If-Match required)`,
        params: idParams,
        body: spec.body,
        response: { 200: spec.response, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type, record: { ...found } });
      // The replaced record must stay within the caller's scope too (no moving it to another owner).
      await ctx.policy.authorize(request.actor, 'update', {
        type,
        record: { ...found, ...(request.body as object) },
      });
      const updated = await store.update(
        found.id,
        expected,
        request.body as z.output<B>,
        changeMeta(request),
      );
      setEtag(reply, updated.version);
      return show(request.actor, updated);
    },
  );

  r.delete(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Delete a ${entity}; archived instead when ${spec.referredBy} refer to it (If-Match required)`,
        params: idParams,
        response: { 200: spec.response, 204: deletedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'archive', { type, record: { ...found } });
      const result = await store.remove(found.id, expected, changeMeta(request));
      return sendRemoved(reply, result, (record) => show(request.actor, record));
    },
  );
}
