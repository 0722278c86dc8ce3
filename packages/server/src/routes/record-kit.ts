import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDomainError, type RecordListScope, type RemoveResult } from '@passerelle/core';
import type { Actor, Action, ResourceRef } from '../auth/policy';
import type { AuditEntry } from '../auth/ports';
import type { AppContext } from '../context';
import { setEtag } from '../http/concurrency';

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
