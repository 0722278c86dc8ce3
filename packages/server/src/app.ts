import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppConfig } from '@passerelle/core';
import {
  createApiTokenStore,
  createAuditStore,
  createSessionStore,
  createUserStore,
  type Database,
} from '@passerelle/db';
import { registerAuthentication } from './auth/authenticate';
import { createDataRights, registerTrustPersonData, type DataRights } from './auth/data-rights';
import { ensureDemoUsers } from './auth/demo';
import { TrustRegistry } from './auth/registry';
import { createRolePolicy } from './auth/role-policy';
import { createAuditSink, createConsentChecker } from './auth/services';
import type { AccessPolicy, Actor } from './auth/policy';
import type { AuditSink, ConsentChecker } from './auth/ports';
import type { AppContext } from './context';
import { handleError, handleNotFound } from './http/errors';
import { registerIdempotency } from './http/idempotency';
import { healthRoutes } from './routes/health/routes';
import { matchRoutes } from './routes/matches/routes';
import { textRoutes } from './routes/text/routes';
import { createMatchService } from './matching/service';
import { organisationRoutes } from './routes/organisations/routes';
import { authRoutes } from './routes/auth/routes';
import { userRoutes } from './routes/users/routes';
import { tokenRoutes } from './routes/tokens/routes';
import { consentRoutes } from './routes/consents/routes';
import { auditRoutes } from './routes/audit/routes';
import { reportRoutes } from './routes/reports/routes';
import { dataRightsRoutes } from './routes/data-rights/routes';
import { webRoutes } from './routes/web/routes';
import { taxonomyRoutes } from './routes/taxonomy/routes';
import { personRoutes } from './routes/people/routes';
import { vacancyRoutes } from './routes/vacancies/routes';
import { trainingRoutes } from './routes/trainings/routes';
import { serviceRoutes } from './routes/services/routes';
import { eventRoutes } from './routes/events/routes';
import { referralRoutes } from './routes/referrals/routes';
import { followUpRoutes } from './routes/follow-ups/routes';
import { importRoutes } from './routes/imports/routes';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook (anonymous until then). */
    actor: Actor;
  }
  interface FastifyInstance {
    /** The app's context and data-rights services (for the CLI: retention, erasure). */
    passerelle: { ctx: AppContext; dataRights: DataRights; routes: RegisteredRoute[] };
  }
}

/** A route as registered, for the access-control matrix test and the docs. */
export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  logger?: Logger;
  policy?: AccessPolicy;
  consent?: ConsentChecker;
  audit?: AuditSink;
  now?: () => Date;
  newId?: () => string;
  /**
   * Tests only: the actor of requests without credentials (see `createTestApp`). Refused when
   * `config.production` is true; `passerelle serve` never sets it.
   */
  testActor?: Actor | null;
  /** Sign-in attempts per address and window (default 10 a minute). */
  signInRateLimit?: { max: number; timeWindow: number };
}

/** Builds the HTTP app (not listening). Tests call it in-process with `app.inject`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger | undefined,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isPublic = (route.config as { public?: boolean } | undefined)?.public === true;
    for (const method of methods)
      if (method !== 'HEAD') routes.push({ method, url: route.url, public: isPublic });
  });
  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  app.decorateRequest('actor', null as unknown as Actor);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuthentication(app, {
    config: options.config,
    users: createUserStore(options.database.db),
    sessions: createSessionStore(options.database.db),
    tokens: createApiTokenStore(options.database.db),
    now,
    testActor: options.testActor ?? null,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only in production (behind HTTPS); on a plain-http LAN address it would break the app.
        upgradeInsecureRequests: options.config.production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: options.config.production ? { maxAge: 31536000, includeSubDomains: true } : false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passerelle API',
        version: '0.1.0',
        description:
          'Skills profiles, labour-market records, matching and case work. Errors are `{ code, message, details }` with stable codes; messages follow Accept-Language. This service uses the ESCO classification of the European Commission.',
      },
      servers: [],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // As for the app: upgrading to HTTPS only in production; on a plain-http LAN address the
    // docs page would otherwise load none of its scripts and stay blank.
    transformStaticCSP: options.config.production
      ? undefined
      : (header) => header.replace(/\s*upgrade-insecure-requests;?/g, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const trust = new TrustRegistry();
  const consentLedger = createConsentChecker(options.database, now);
  const audit = options.audit ?? createAuditSink(createAuditStore(options.database), now, newId);
  const ctx: AppContext = {
    config: options.config,
    database: options.database,
    policy: options.policy ?? createRolePolicy({ consent: consentLedger, audit, registry: trust }),
    consent: options.consent ?? consentLedger,
    audit,
    now,
    newId,
    trust,
  };
  registerTrustPersonData(trust, options.database);
  const dataRights = createDataRights({ database: options.database, registry: trust, audit, now });
  app.decorate('passerelle', { ctx, dataRights, routes });
  // Refused accesses of signed-in callers go to the audit trail (ASVS V16.3.2), written before the answer leaves.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 403 || request.actor?.kind === 'anonymous' || !request.actor) return payload;
    await audit
      .record({
        actor: request.actor,
        action: 'access_denied',
        entity: request.routeOptions.url ?? 'route',
        entityId: null,
        requestId: request.id,
      })
      .catch((e: unknown) => request.log.error({ err: e }, 'could not audit a refused access'));
    return payload;
  });
  if (options.config.demo && !options.config.production) await ensureDemoUsers(options.database);
  registerIdempotency(app, options.database, (r: FastifyRequest) => r.actor.userId ?? r.actor.kind);

  await app.register(async (scope) => healthRoutes(scope, { ...ctx, isShuttingDown: () => shuttingDown }));
  await app.register(async (scope) => organisationRoutes(scope, ctx));
  await app.register(async (scope) => authRoutes(scope, ctx, { signInRateLimit: options.signInRateLimit }));
  await app.register(async (scope) => userRoutes(scope, ctx));
  await app.register(async (scope) => tokenRoutes(scope, ctx));
  await app.register(async (scope) => consentRoutes(scope, ctx));
  await app.register(async (scope) => auditRoutes(scope, ctx));
  await app.register(async (scope) => reportRoutes(scope, ctx));
  await app.register(async (scope) => dataRightsRoutes(scope, ctx, dataRights));
  await app.register(async (scope) => taxonomyRoutes(scope, ctx));
  await app.register(async (scope) => personRoutes(scope, ctx));
  await app.register(async (scope) => vacancyRoutes(scope, ctx));
  await app.register(async (scope) => trainingRoutes(scope, ctx));
  await app.register(async (scope) => serviceRoutes(scope, ctx));
  await app.register(async (scope) => eventRoutes(scope, ctx));
  await app.register(async (scope) => referralRoutes(scope, ctx));
  await app.register(async (scope) => followUpRoutes(scope, ctx));
  await app.register(async (scope) => importRoutes(scope, ctx));
  const matching = await createMatchService({
    database: options.database,
    onError: (error) => app.log.error({ err: error }, 'rebuilding the match index failed'),
  });
  trust.registerPersonData({
    name: 'matching_index',
    priority: 50,
    async erase(personId) {
      matching.removePerson(personId);
      return 1;
    },
  });
  await app.register(async (scope) => matchRoutes(scope, ctx, matching));
  await app.register(async (scope) => textRoutes(scope, ctx));
  await app.register(async (scope) => webRoutes(scope));

  await app.ready();
  return app;
}
