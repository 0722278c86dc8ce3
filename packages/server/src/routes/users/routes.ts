import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '@passerelle/core';
import {
  createApiTokenStore,
  createPasswordResetStore,
  createSessionStore,
  createUserStore,
} from '@passerelle/db';
import type { AppContext } from '../../context';
import { requireIfMatch, setEtag } from '../../http/concurrency';
import { errorResponses } from '../../http/openapi';
import { checkNewPassword, hashPassword } from '../../auth/passwords';
import { issueResetLink } from '../../auth/reset-links';
import { presentUser } from './presenter';
import { idParams, userCreateBody, userListQuery, userPage, userPatchBody, userResponse } from './schema';

/** User administration (administrators only, through the policy). */
export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const users = createUserStore(ctx.database.db);
  const sessions = createSessionStore(ctx.database.db);
  const tokens = createApiTokenStore(ctx.database.db);
  const resets = createPasswordResetStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: userListQuery,
        response: { 200: userPage, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'list', { type: 'user' });
      const after = request.query.cursor
        ? Buffer.from(request.query.cursor, 'base64url').toString('utf8')
        : null;
      const page = await users.list({ limit: request.query.limit, after });
      return {
        items: await Promise.all(page.items.map((u) => presentUser(ctx.policy, request.actor, u))),
        nextCursor: page.next ? Buffer.from(page.next, 'utf8').toString('base64url') : null,
      };
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (without a password, give them a reset link)',
        body: userCreateBody,
        response: { 201: userResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await ctx.policy.authorize(request.actor, 'create', { type: 'user', record: body });
      let passwordHash: string | null = null;
      if (body.password !== undefined) {
        const issues = checkNewPassword(body.password, { email: body.email });
        if (issues.length > 0) throw errors.validation(issues);
        passwordHash = await hashPassword(body.password);
      }
      const created = await users.create({ id: ctx.newId(), ...body, passwordHash });
      await ctx.audit.record({
        actor: request.actor,
        action: 'create',
        entity: 'user',
        entityId: created.id,
        changes: { role: true, organisationId: true, grants: true },
        requestId: request.id,
      });
      setEtag(reply, created.version);
      reply.header('location', `/api/users/${created.id}`);
      return reply.status(201).send(await presentUser(ctx.policy, request.actor, created));
    },
  );

  r.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Read a user',
        params: idParams,
        response: { 200: userResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await users.getById(request.params.id);
      if (!found) throw errors.notFound('user', request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'user', record: { id: found.id } });
      setEtag(reply, found.version);
      return presentUser(ctx.policy, request.actor, found);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user: role, organisation, grants, disable, reset two-factor (If-Match required)',
        params: idParams,
        body: userPatchBody,
        response: { 200: userResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const found = await users.getById(request.params.id);
      if (!found) throw errors.notFound('user', request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type: 'user', record: { id: found.id } });
      const { disabled, resetTotp, ...rest } = request.body;
      const now = ctx.now();
      const patch = {
        ...rest,
        ...(disabled === undefined ? {} : { disabledAt: disabled ? now.toISOString() : null }),
      };
      let updated = await users.update(found.id, patch, expected);
      if (resetTotp) {
        await users.setTotp(found.id, null, null);
        updated = (await users.getById(found.id))!;
      }
      // A change of rights ends the user's sessions and tokens: they sign in again with the new rights.
      if (
        disabled ||
        rest.role !== undefined ||
        rest.organisationId !== undefined ||
        rest.grants !== undefined ||
        resetTotp
      ) {
        await sessions.revokeAllForUser(found.id, now);
        if (disabled || rest.role !== undefined || rest.organisationId !== undefined)
          await tokens.revokeAllForUser(found.id, now);
      }
      await ctx.audit.record({
        actor: request.actor,
        action: 'update',
        entity: 'user',
        entityId: found.id,
        changes: request.body,
        requestId: request.id,
      });
      setEtag(reply, updated.version);
      return presentUser(ctx.policy, request.actor, updated);
    },
  );

  r.post(
    '/api/users/:id/reset-link',
    {
      schema: {
        tags,
        summary: 'Create a one-time password reset link (valid one hour) to hand to the user',
        params: idParams,
        response: {
          200: z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await users.getById(request.params.id);
      if (!found) throw errors.notFound('user', request.params.id);
      await ctx.policy.authorize(request.actor, 'update', { type: 'user', record: { id: found.id } });
      const link = await issueResetLink(resets, { id: ctx.newId(), userId: found.id, now: ctx.now() });
      await ctx.audit.record({
        actor: request.actor,
        action: 'reset_link_created',
        entity: 'user',
        entityId: found.id,
        requestId: request.id,
      });
      return link;
    },
  );
}
