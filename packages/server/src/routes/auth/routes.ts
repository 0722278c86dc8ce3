import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, errors, rolesRequiringMfa } from '@passerelle/core';
import { createPasswordResetStore, createSessionStore, createUserStore, type UserRow } from '@passerelle/db';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import {
  actorOfUser,
  publicRoute,
  requireUser,
  sessionCookieName,
  sessionCookieOptions,
  sessionLimits,
} from '../../auth/authenticate';
import { checkNewPassword, hashPassword, verifyDummy, verifyPassword } from '../../auth/passwords';
import { hashToken, newSecretToken } from '../../auth/secrets';
import { checkTotp, newTotpSecret } from '../../auth/totp';
import { createSecretBox } from '../../auth/secret-box';
import { demoAccounts as demoList, demoPassword } from '../../auth/demo';
import { userRecord } from '../users/presenter';
import {
  demoAccounts,
  demoSignInBody,
  okResponse,
  passwordChangeBody,
  passwordResetBody,
  sessionResponse,
  signInBody,
  totpConfirmBody,
  totpSetupResponse,
} from './schema';

/** Lockout after repeated failures (ASVS 5.0 V6.3.1); rate limits per address come on top. */
export const lockoutPolicy = { maxAttempts: 5, lockMs: 15 * 60_000 } as const;

export interface AuthRouteOptions {
  /**
   * Sign-in attempts per address and minute (default 30: an office of counsellors behind one NAT
   * address must not lock each other out; each account also locks after 5 failures).
   */
  signInRateLimit?: { max: number; timeWindow: number };
}

/** Sign-in, sign-out, the current session, two-factor enrolment, password change and reset, demo sign-in. */
export async function authRoutes(app: FastifyInstance, ctx: AppContext, options: AuthRouteOptions = {}) {
  const users = createUserStore(ctx.database.db);
  const sessions = createSessionStore(ctx.database.db);
  const resets = createPasswordResetStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const cookieName = sessionCookieName(ctx.config);
  const box = createSecretBox(ctx.config.secret);
  const rateLimit = {
    max: options.signInRateLimit?.max ?? 30,
    timeWindow: options.signInRateLimit?.timeWindow ?? 60_000,
  };
  const fail = () => errors.unauthenticated();

  async function startSession(
    reply: FastifyReply,
    user: UserRow,
    mfaVerified: boolean,
    request: FastifyRequest,
  ) {
    const token = newSecretToken();
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + sessionLimits.absoluteMs);
    const csrfToken = newSecretToken();
    const session = await sessions.create({
      id: ctx.newId(),
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      mfaVerified,
      expiresAt,
    });
    await users.recordSignIn(user.id, now);
    reply.setCookie(cookieName, token, sessionCookieOptions(ctx.config, expiresAt));
    const actor = actorOfUser(user, { sessionId: session.id, mfa: mfaVerified, requestId: request.id });
    await ctx.audit.record({
      actor,
      action: 'sign_in',
      entity: 'user',
      entityId: user.id,
      requestId: request.id,
    });
    return {
      user: await ctx.policy.visibleFields(actor, 'user', userRecord(user)),
      csrfToken,
      mfaEnrolmentRequired: rolesRequiringMfa.includes(user.role as never) && user.totpEnabledAt === null,
      expiresAt: expiresAt.toISOString(),
    };
  }

  r.post(
    '/api/auth/sign-in',
    {
      config: { rateLimit, ...publicRoute },
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and (when enrolled) a TOTP code; sets the session cookie',
        body: signInBody,
        response: { 200: sessionResponse, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const { email, password, totp } = request.body;
      const now = ctx.now();
      const user = await users.getByEmail(email);
      const anonymousActor = request.actor;
      const refuse = async (why: string, u: UserRow | null) => {
        await ctx.audit.record({
          actor: anonymousActor,
          action: 'sign_in_failed',
          entity: 'user',
          entityId: u?.id ?? null,
          reason: why,
          requestId: request.id,
        });
        return fail();
      };
      if (!user || !user.passwordHash || user.disabledAt) {
        await verifyDummy(password);
        throw await refuse(user ? 'disabled_or_no_password' : 'unknown_email', user);
      }
      if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
        await verifyDummy(password);
        throw await refuse('locked', user);
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        await users.recordFailedSignIn(user.id, now, lockoutPolicy);
        throw await refuse('wrong_password', user);
      }
      let mfaVerified = false;
      if (user.totpEnabledAt && user.totpSecret) {
        if (!totp) {
          throw new DomainError('unauthenticated', { mfaRequired: true });
        }
        const step = checkTotp(box.open(user.totpSecret), totp, now);
        if (step === null || !(await users.useTotpStep(user.id, step))) {
          await users.recordFailedSignIn(user.id, now, lockoutPolicy);
          throw await refuse('wrong_totp', user);
        }
        mfaVerified = true;
      }
      return startSession(reply, user, mfaVerified, request);
    },
  );

  r.post(
    '/api/auth/sign-out',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears the cookie',
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.session) {
        await sessions.revoke(request.session.id, ctx.now());
        await ctx.audit.record({
          actor: request.actor,
          action: 'sign_out',
          entity: 'user',
          entityId: request.actor.userId,
          requestId: request.id,
        });
      }
      reply.clearCookie(cookieName, { path: '/' });
      // The browser drops what it kept of the session (ASVS V14.3.1).
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token of the session',
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const user = await users.getById(actor.userId);
      if (!user || !request.session) throw errors.unauthenticated();
      return {
        user: await ctx.policy.visibleFields(actor, 'user', userRecord(user)),
        csrfToken: request.session.csrfToken,
        mfaEnrolmentRequired: rolesRequiringMfa.includes(user.role as never) && user.totpEnabledAt === null,
        expiresAt: new Date(request.session.expiresAt).toISOString(),
      };
    },
  );

  r.get(
    '/api/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions (to end the ones you do not recognise)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                current: z.boolean(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                expiresAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const rows = await sessions.listLive(actor.userId, ctx.now());
      const iso = (v: string) => new Date(v).toISOString();
      return {
        items: rows.map((s) => ({
          id: s.id,
          current: s.id === request.session?.id,
          createdAt: iso(s.createdAt),
          lastSeenAt: iso(s.lastSeenAt),
          expiresAt: iso(s.expiresAt),
        })),
      };
    },
  );

  r.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of your sessions',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!(await sessions.revokeOwn(request.params.id, actor.userId, ctx.now())))
        throw errors.notFound('session', request.params.id);
      await ctx.audit.record({
        actor,
        action: 'session_ended',
        entity: 'session',
        entityId: request.params.id,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Start two-factor enrolment: a new TOTP secret and its otpauth URI',
        response: { 200: totpSetupResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (actor.kind !== 'user') throw errors.forbidden('totp_setup', 'user');
      const user = await users.getById(actor.userId);
      if (!user) throw errors.unauthenticated();
      if (user.totpEnabledAt)
        throw errors.conflict('two-factor is already on; an administrator can reset it');
      const { secret, uri } = newTotpSecret(user.email);
      await users.setTotp(user.id, box.seal(secret), null);
      return { secret, uri };
    },
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Finish two-factor enrolment with a first code',
        body: totpConfirmBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const user = await users.getById(actor.userId);
      if (!user || !request.session) throw errors.unauthenticated();
      if (user.totpEnabledAt || !user.totpSecret) throw errors.conflict('start the enrolment first');
      const step = checkTotp(box.open(user.totpSecret), request.body.code, ctx.now());
      if (step === null)
        throw errors.validation([
          {
            path: ['code'],
            code: 'wrong_code',
            message: 'the code does not match; check the clock of the device',
          },
        ]);
      await users.setTotp(user.id, user.totpSecret, ctx.now().toISOString());
      await users.useTotpStep(user.id, step);
      await sessions.setMfaVerified(request.session.id);
      await sessions.revokeAllForUser(user.id, ctx.now(), request.session.id);
      await ctx.audit.record({
        actor,
        action: 'totp_enabled',
        entity: 'user',
        entityId: user.id,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Change your password (other sessions are ended)',
        body: passwordChangeBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const user = await users.getById(actor.userId);
      if (!user || !request.session) throw errors.unauthenticated();
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        await users.recordFailedSignIn(user.id, ctx.now(), lockoutPolicy);
        throw errors.validation([
          { path: ['currentPassword'], code: 'wrong_password', message: 'is not your current password' },
        ]);
      }
      const issues = checkNewPassword(request.body.newPassword, { email: user.email }).map((i) => ({
        ...i,
        path: ['newPassword'],
      }));
      if (issues.length > 0) throw errors.validation(issues);
      await users.setPassword(user.id, await hashPassword(request.body.newPassword));
      await sessions.revokeAllForUser(user.id, ctx.now(), request.session.id);
      await ctx.audit.record({
        actor,
        action: 'password_changed',
        entity: 'user',
        entityId: user.id,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit, ...publicRoute },
      schema: {
        tags,
        summary: 'Set a new password with a one-time reset token (from `passerelle users reset-link`)',
        body: passwordResetBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const userId = await resets.consume(hashToken(request.body.token), ctx.now());
      if (!userId) throw errors.unauthenticated();
      const user = await users.getById(userId);
      if (!user || user.disabledAt) throw errors.unauthenticated();
      const issues = checkNewPassword(request.body.newPassword, { email: user.email }).map((i) => ({
        ...i,
        path: ['newPassword'],
      }));
      if (issues.length > 0) throw errors.validation(issues);
      await users.setPassword(user.id, await hashPassword(request.body.newPassword));
      await sessions.revokeAllForUser(user.id, ctx.now());
      await ctx.audit.record({
        actor: actorOfUser(user, { requestId: request.id }),
        action: 'password_reset',
        entity: 'user',
        entityId: user.id,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/demo',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Demo accounts (only in demo mode; 404 otherwise)',
        response: { 200: demoAccounts, ...errorResponses },
      },
    },
    async () => {
      if (!ctx.config.demo) throw errors.notFound('route', 'GET /api/auth/demo');
      const accounts = [];
      for (const a of demoList) {
        const u = await users.getByEmail(a.email);
        if (u)
          accounts.push({
            email: a.email,
            password: demoPassword,
            role: a.role,
            label: a.label,
            totpSecret: u.totpSecret ? box.open(u.totpSecret) : null,
          });
      }
      return { accounts };
    },
  );

  r.post(
    '/api/auth/demo/sign-in',
    {
      config: { rateLimit, ...publicRoute },
      schema: {
        tags,
        summary: 'Demo mode only: sign in as a demo account in one click (404 otherwise)',
        body: demoSignInBody,
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!ctx.config.demo || ctx.config.production)
        throw errors.notFound('route', 'POST /api/auth/demo/sign-in');
      if (!demoList.some((a) => a.email === request.body.email.toLowerCase())) throw errors.unauthenticated();
      const user = await users.getByEmail(request.body.email);
      if (!user) throw errors.unauthenticated();
      return startSession(reply, user, true, request);
    },
  );
}
