import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errors, rolesRequiringMfa, type AppConfig } from '@passerelle/core';
import type { ApiTokenStore, SessionRow, SessionStore, UserRow, UserStore } from '@passerelle/db';
import type { Actor } from './policy';
import { hashToken, safeEqual } from './secrets';

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser session behind the actor, when signed in with a cookie. */
    session: SessionRow | null;
  }
}

export const anonymousActor: Actor = {
  kind: 'anonymous',
  userId: null,
  role: null,
  organisationId: null,
  country: null,
  scopes: null,
};

/** Session lifetimes (OWASP ASVS 5.0 V7.3): 30 minutes idle, 12 hours at most. */
export const sessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  touchEveryMs: 60_000,
} as const;

/** The session cookie's name: `__Host-` in production, where the cookie is also Secure. */
export function sessionCookieName(config: AppConfig): string {
  return config.production ? '__Host-passerelle_session' : 'passerelle_session';
}

/** Cookie options of the session cookie. */
export function sessionCookieOptions(config: AppConfig, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.production,
    ...(expires ? { expires } : {}),
  };
}

/** The actor of a signed-in user. */
export function actorOfUser(user: UserRow, extra: Partial<Actor>): Actor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    country: user.country,
    scopes: null,
    personId: user.personId,
    grants: user.grants ?? [],
    mfa: !rolesRequiringMfa.includes(user.role as never),
    ...extra,
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthenticationDeps {
  config: AppConfig;
  users: UserStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  now: () => Date;
  /** Tests only (refused in production): the actor of requests that carry no credentials. */
  testActor?: Actor | null;
}

function readReason(request: FastifyRequest): string | null {
  const raw = request.headers['x-access-reason'];
  if (typeof raw !== 'string') return null;
  const reason = raw.trim().slice(0, 500);
  return reason === '' ? null : reason;
}

/**
 * Sets `request.actor` from an API token (`Authorization: Bearer`) or the session cookie. A
 * cookie-authenticated request that changes something must carry the session's CSRF token in
 * `X-CSRF-Token` (synchroniser token; SameSite=Strict cookies are the first line).
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  if (deps.testActor && deps.config.production) throw new Error('a test actor cannot be used in production');
  const cookieName = sessionCookieName(deps.config);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = anonymousActor;
    request.session = null;
    reply.header('x-request-id', request.id);
    const now = deps.now();
    const common = { accessReason: readReason(request), requestId: request.id };

    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization !== '') {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!m) throw errors.unauthenticated();
      const token = await deps.tokens.findLive(hashToken(m[1]!), now);
      const user = token ? await deps.users.getById(token.userId) : null;
      if (!token || !user || user.disabledAt) throw errors.unauthenticated();
      if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > sessionLimits.touchEveryMs)
        await deps.tokens.touch(token.id, now);
      request.actor = actorOfUser(user, {
        kind: 'token',
        scopes: token.scopes,
        mfa: true,
        tokenId: token.id,
        ...common,
      });
      return;
    }

    const cookie = request.cookies?.[cookieName];
    if (cookie) {
      const session = await deps.sessions.findLive(hashToken(cookie), now);
      const idle = session ? now.getTime() - Date.parse(session.lastSeenAt) > sessionLimits.idleMs : false;
      const user = session && !idle ? await deps.users.getById(session.userId) : null;
      if (!session || idle || !user || user.disabledAt) {
        if (session && idle) await deps.sessions.revoke(session.id, now);
        reply.clearCookie(cookieName, { path: '/' });
        // An expired session on a read is simply anonymous; on a change it must not pass silently.
        if (unsafeMethods.has(request.method) && !isPublicAuthRoute(request)) throw errors.unauthenticated();
        return;
      }
      request.session = session;
      request.actor = actorOfUser(user, {
        mfa: session.mfaVerified || !rolesRequiringMfa.includes(user.role as never),
        sessionId: session.id,
        ...common,
      });
      if (unsafeMethods.has(request.method)) {
        const given = request.headers['x-csrf-token'];
        if (typeof given !== 'string' || !safeEqual(given, session.csrfToken)) {
          throw new DomainError('forbidden', {
            action: request.method,
            resource: 'request',
            reason: 'csrf_token_missing_or_wrong',
          });
        }
      }
      if (now.getTime() - Date.parse(session.lastSeenAt) > sessionLimits.touchEveryMs)
        await deps.sessions.touch(session.id, now);
      return;
    }

    if (deps.testActor) request.actor = { ...deps.testActor, ...common };
  });

  // API answers may hold personal data: never kept by browsers or shared caches (ASVS V14.3.2).
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/docs') &&
      !reply.hasHeader('cache-control')
    ) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  // Deny by default: every API route needs a signed-in caller unless it says it is public.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.actor.kind !== 'anonymous') return;
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/api/')) return;
    if (isPublicRoute(request, url)) return;
    throw errors.unauthenticated();
  });
}

/** Marks a route as open to anonymous callers (sign-in, password reset, demo accounts). */
export const publicRoute = { public: true } as const;

function isPublicRoute(request: FastifyRequest, url: string): boolean {
  const config = request.routeOptions?.config as { public?: boolean } | undefined;
  if (config?.public === true) return true;
  // The OpenAPI document and its viewer describe the API; they hold no data.
  return url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
}

/** Sign-in and the other routes that work without a session. */
function isPublicAuthRoute(request: FastifyRequest): boolean {
  const url = request.url.split('?')[0] ?? '';
  return (
    url === '/api/auth/sign-in' || url === '/api/auth/password-reset' || url === '/api/auth/demo/sign-in'
  );
}

/** Throws unless the request comes from a signed-in user (session or token). */
export function requireUser(request: FastifyRequest): Actor & { userId: string } {
  const a = request.actor;
  if (a.kind === 'anonymous' || !a.userId) throw errors.unauthenticated();
  return a as Actor & { userId: string };
}
