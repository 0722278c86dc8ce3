import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentFields,
  caseClosureInput,
  closeCase,
  DomainError,
  errors,
  handOver,
  personFields,
  personHistoryQuery,
  personListQuery,
  reopenCase,
  type CaseClosure,
  type DuplicateCandidate,
  type Person,
  type PersonInput,
} from '@passerelle/core';
import { createPersonStore, createReferralStore, createUserStore } from '@passerelle/db';
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
  permits,
  presentItems,
  sendRemoved,
  today,
} from '../record-kit';
import { mayChangeAssignmentOf, presentPerson } from './presenter';
import {
  duplicateCandidateResponse,
  handoverBody,
  handoverResponse,
  historyEntryResponse,
  mergeBody,
  personBody,
  personCreatedResponse,
  personResponse,
} from './schema';

const personKeys = Object.keys(personFields) as (keyof PersonInput)[];

/**
 * People (C1): profiles with completeness per section, duplicates across scripts, merging that
 * keeps both histories. Every read and change of a person is audited; sensitive fields are hidden
 * by the policy when records become responses.
 */
export async function personRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createPersonStore(ctx.database.db, { newId: ctx.newId });
  const referralStore = createReferralStore(ctx.database.db, { newId: ctx.newId });
  const userStore = createUserStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  // Trust plugs in here: the policy loads the person a record is about; export, erasure and retention reach our tables.
  ctx.trust.setPersonLoader(async (id) => {
    const p = await store.get(id);
    return p ? ({ ...p } as Record<string, unknown>) : null;
  });
  ctx.trust.registerPersonData({
    name: 'profile',
    priority: 1000,
    async export(personId) {
      const person = await store.get(personId);
      if (!person) return null;
      const history = [];
      let cursor: string | undefined;
      do {
        const page = await store.history(personId, { limit: 200, cursor });
        history.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { person, history };
    },
    erase: (personId) => store.erase(personId),
  });
  ctx.trust.registerPersonData({
    name: 'referrals',
    export: (personId) => referralStore.exportForPerson(personId),
  });
  ctx.trust.registerRetentionSource({ name: 'people', listCandidates: () => store.retentionCandidates() });

  async function mustGet(id: string): Promise<Person> {
    const found = await store.get(id);
    if (!found) throw errors.notFound('person', id);
    return found;
  }
  /** Duplicate candidates the actor may know about. */
  async function visibleCandidates(request: FastifyRequest, candidates: DuplicateCandidate[]) {
    const out: DuplicateCandidate[] = [];
    for (const c of candidates) {
      const other = await store.get(c.personId);
      if (other && (await permits(ctx, request.actor, 'read', { type: 'person', record: { ...other } })))
        out.push(c);
    }
    return out;
  }
  /** Whether the actor may change who the person is assigned to (trust: `mayChangeAssignment`). */
  const mayAssign = (request: FastifyRequest, person: Person): Promise<boolean> =>
    mayChangeAssignmentOf(ctx, request.actor, person);
  const assignmentRefused = () =>
    new DomainError('forbidden', { action: 'update', resource: 'person', reason: 'assignment_change' });

  /**
   * Fields the actor cannot see keep their stored values: a replace never wipes what it could not
   * read. The assignment (organisation, caseload) is kept too unless the actor may change it.
   */
  async function keepHidden(
    request: FastifyRequest,
    current: Person,
    body: PersonInput,
  ): Promise<PersonInput> {
    const visible = await presentPerson(ctx, request.actor, current);
    const kept: Record<string, unknown> = { ...body };
    for (const key of personKeys) {
      if (!(key in visible) && key in current) kept[key] = current[key];
    }
    if (!(await mayAssign(request, current))) for (const key of assignmentFields) kept[key] = current[key];
    // The case's closure changes only by closing and reopening it.
    kept.caseClosure = current.caseClosure ?? null;
    return kept as PersonInput;
  }

  r.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'List people (name search across scripts, caseload filters, caseStatus open or closed)',
        querystring: personListQuery,
        response: { 200: pageOf(personResponse), ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'person' });
      const { scope, perRecord } = listScopeOf(ctx, request.actor, 'person');
      const page = await store.list(request.query, scope);
      const items = await presentItems(ctx, request.actor, 'person', page.items, perRecord);
      await audit(ctx, request, {
        action: 'list',
        entity: 'person',
        entityId: null,
        changes: { personIds: items.map((p) => p.id) },
      });
      return { items, nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'Create a person (open case: a `caseClosure` in the body is ignored); possible duplicates come back in `duplicates` (Idempotency-Key supported)',
        body: personBody,
        response: { 201: personCreatedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      // A case is closed only by closing it (audited, dated no later than today), not on creation.
      const body: PersonInput = { ...request.body, caseClosure: null };
      // The caller's organisation owns what it creates; a counsellor or case manager is assigned to it.
      if (!body.owningOrganisationId && actor.organisationId)
        body.owningOrganisationId = actor.organisationId;
      if (
        body.caseManagerIds.length === 0 &&
        actor.userId &&
        (actor.role === 'case_manager' || actor.role === 'counsellor')
      ) {
        body.caseManagerIds = [actor.userId];
      }
      await ctx.policy.authorize(actor, 'create', { type: 'person', record: { ...body } });
      const duplicates = await visibleCandidates(request, await store.findDuplicates(body));
      const created = await store.create(body, ctx.newId(), changeMeta(request));
      await audit(ctx, request, {
        action: 'create',
        entity: 'person',
        entityId: created.id,
        personId: created.id,
        changes: { fields: personKeys.filter((k) => body[k] !== undefined && body[k] !== null) },
      });
      setEtag(reply, created.version);
      reply.header('location', `/api/people/${created.id}`);
      return reply.status(201).send({ ...(await presentPerson(ctx, actor, created)), duplicates });
    },
  );

  r.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Read a person (sensitive fields only for those allowed, and audited)',
        params: idParams,
        response: { 200: personResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'person', record: { ...found } });
      await audit(ctx, request, { action: 'read', entity: 'person', entityId: found.id, personId: found.id });
      setEtag(reply, found.version);
      return presentPerson(ctx, request.actor, found);
    },
  );

  r.put(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary:
          'Replace a person (If-Match required; fields the caller cannot see are kept, and so is the case closure)',
        params: idParams,
        body: personBody,
        response: { 200: personResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type: 'person', record: { ...found } });
      const body = await keepHidden(request, found, request.body);
      const updated = await store.update(found.id, expected, body, changeMeta(request));
      await audit(ctx, request, {
        action: 'update',
        entity: 'person',
        entityId: found.id,
        personId: found.id,
        changes: {
          fields: personKeys.filter(
            (k) => JSON.stringify(found[k] ?? null) !== JSON.stringify(updated[k] ?? null),
          ),
        },
      });
      setEtag(reply, updated.version);
      return presentPerson(ctx, request.actor, updated);
    },
  );

  r.delete(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a person; archived instead when referrals, events or merged records refer to it (If-Match required)',
        params: idParams,
        response: { 200: personResponse, 204: deletedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'archive', { type: 'person', record: { ...found } });
      const result = await store.remove(found.id, expected, changeMeta(request));
      await audit(ctx, request, {
        action: result.outcome === 'deleted' ? 'delete' : 'archive',
        entity: 'person',
        entityId: found.id,
        personId: found.id,
      });
      return sendRemoved(reply, result, (p) => presentPerson(ctx, request.actor, p));
    },
  );

  r.get(
    '/api/people/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Records that may be the same person, best first (names across scripts, birth date, phone, documents)',
        params: idParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(50).default(10),
          minScore: z.coerce.number().min(0).max(1).optional(),
        }),
        response: { 200: z.object({ items: z.array(duplicateCandidateResponse) }), ...errorResponses },
      },
    },
    async (request) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'person', record: { ...found } });
      const candidates = await store.findDuplicates(found, {
        excludeId: found.id,
        limit: request.query.limit,
        minScore: request.query.minScore,
      });
      const items = await visibleCandidates(request, candidates);
      await audit(ctx, request, {
        action: 'read_duplicates',
        entity: 'person',
        entityId: found.id,
        personId: found.id,
        changes: { candidateIds: items.map((c) => c.personId) },
      });
      return { items };
    },
  );

  r.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge a duplicate into this person: referrals, attendance and history move here, the duplicate is archived with a pointer (If-Match of this person required)',
        params: idParams,
        body: mergeBody,
        response: { 200: personResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const survivor = await mustGet(request.params.id);
      const duplicate = await mustGet(request.body.duplicateId);
      await ctx.policy.authorize(request.actor, 'update', { type: 'person', record: { ...survivor } });
      await ctx.policy.authorize(request.actor, 'archive', { type: 'person', record: { ...duplicate } });
      // The merge joins the caseloads: only someone who may change the survivor's assignment.
      const joins = duplicate.caseManagerIds.some((id) => !survivor.caseManagerIds.includes(id));
      if (joins && !(await mayAssign(request, survivor))) throw assignmentRefused();
      const merged = await store.merge(survivor.id, expected, duplicate.id, changeMeta(request));
      await audit(ctx, request, {
        action: 'merge',
        entity: 'person',
        entityId: survivor.id,
        personId: survivor.id,
        changes: { mergedFrom: duplicate.id },
      });
      await audit(ctx, request, {
        action: 'merged_into',
        entity: 'person',
        entityId: duplicate.id,
        personId: duplicate.id,
        changes: { mergedInto: survivor.id },
      });
      setEtag(reply, merged.version);
      return presentPerson(ctx, request.actor, merged);
    },
  );

  r.post(
    '/api/people/:id/handover',
    {
      schema: {
        tags,
        summary:
          'Hand a person over to a case manager (If-Match required): the case manager joins the caseload, the host-country counsellor who hands over leaves it, and the case moves to the case manager’s organisation',
        params: idParams,
        body: handoverBody,
        response: { 200: handoverResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type: 'person', record: { ...found } });
      if (!(await mayAssign(request, found))) throw assignmentRefused();
      const { toCaseManagerId } = request.body;
      const target = await userStore.getById(toCaseManagerId);
      if (!target || target.disabledAt)
        throw errors.invalidReference([
          {
            path: ['toCaseManagerId'],
            entity: 'user',
            id: toCaseManagerId,
            reason: target ? 'archived' : 'missing',
          },
        ]);
      if (target.role !== 'case_manager')
        throw new DomainError('validation_failed', {
          where: 'body',
          issues: [
            { path: ['toCaseManagerId'], code: 'not_case_manager', message: 'must be a case manager' },
          ],
        });
      const actor = request.actor;
      const fromCounsellorId = actor.role === 'counsellor' && actor.userId ? actor.userId : null;
      const { caseManagerIds } = handOver(found, { fromCounsellorId, toCaseManagerId });
      const input = Object.fromEntries(personKeys.map((k) => [k, found[k]])) as PersonInput;
      const updated = await store.update(
        found.id,
        expected,
        {
          ...input,
          caseManagerIds,
          owningOrganisationId: target.organisationId ?? found.owningOrganisationId ?? null,
        } as PersonInput,
        changeMeta(request),
      );
      await audit(ctx, request, {
        action: 'handover',
        entity: 'person',
        entityId: found.id,
        personId: found.id,
        changes: {
          fields: (['caseManagerIds', 'owningOrganisationId'] as const).filter(
            (f) => JSON.stringify(found[f] ?? null) !== JSON.stringify(updated[f] ?? null),
          ),
        },
      });
      setEtag(reply, updated.version);
      return {
        personId: updated.id,
        fromCounsellorId,
        toCaseManagerId,
        owningOrganisationId: updated.owningOrganisationId ?? null,
        version: updated.version,
        callerKeepsAccess: await permits(ctx, actor, 'read', { type: 'person', record: { ...updated } }),
      };
    },
  );

  /** Sets or clears the closure of a case (the record as stored, only the closure changed); answers the person. */
  async function setClosure(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    change: (found: Person) => CaseClosure | null,
  ) {
    const expected = requireIfMatch(request);
    const found = await mustGet(request.params.id);
    await ctx.policy.authorize(request.actor, 'update', { type: 'person', record: { ...found } });
    // Closing or reopening is a decision of those who follow the case (as a handover): not of the
    // person themselves (self-service may update their profile), nor of an unassigned colleague.
    // The person's `permissions.closeCase` says the same to the screens.
    if (!(await mayAssign(request, found)))
      throw new DomainError('forbidden', { action: 'update', resource: 'person', reason: 'case_closure' });
    const caseClosure = change(found);
    const input = Object.fromEntries(personKeys.map((k) => [k, found[k]])) as PersonInput;
    const updated = await store.update(found.id, expected, { ...input, caseClosure }, changeMeta(request));
    await audit(ctx, request, {
      action: caseClosure ? 'close_case' : 'reopen_case',
      entity: 'person',
      entityId: found.id,
      personId: found.id,
      changes: { fields: ['caseClosure'] },
    });
    setEtag(reply, updated.version);
    return presentPerson(ctx, request.actor, updated);
  }

  r.post(
    '/api/people/:id/close',
    {
      schema: {
        tags,
        summary:
          'Close the case (If-Match required; administrators and those assigned to the case, 403 for others and the person themselves): the date (today by default, never later), the reason and a note. The record, its referrals and history stay; retention rules count from the closure. 409 invalid_transition when already closed',
        params: idParams,
        body: caseClosureInput,
        response: { 200: personResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      setClosure(request, reply, (found) => closeCase(found, request.body, today(ctx))),
  );

  r.post(
    '/api/people/:id/reopen',
    {
      schema: {
        tags,
        summary:
          'Reopen a closed case (If-Match required; administrators and those assigned to the case); 409 invalid_transition when it is open',
        params: idParams,
        response: { 200: personResponse, ...errorResponses },
      },
    },
    async (request, reply) => setClosure(request, reply, (found) => reopenCase(found)),
  );

  r.get(
    '/api/people/:id/history',
    {
      schema: {
        tags,
        summary: "The changes of a person's record, oldest first (kept across merges)",
        params: idParams,
        querystring: personHistoryQuery,
        response: { 200: pageOf(historyEntryResponse), ...errorResponses },
      },
    },
    async (request) => {
      const found = await mustGet(request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'person', record: { ...found } });
      const page = await store.history(found.id, request.query);
      await audit(ctx, request, {
        action: 'read_history',
        entity: 'person',
        entityId: found.id,
        personId: found.id,
      });
      return page;
    },
  );
}
