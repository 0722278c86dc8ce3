import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppConfig } from '@passerelle/core';
import type { Database } from '@passerelle/db';
import { allowAllPolicy, type AccessPolicy, type Actor } from './auth/policy';
import { allowAllConsent, noAudit, type AuditSink, type ConsentChecker } from './auth/ports';
import type { AppContext } from './context';
import { handleError, handleNotFound } from './http/errors';
import { registerIdempotency } from './http/idempotency';
import { healthRoutes } from './routes/health/routes';
import { organisationRoutes } from './routes/organisations/routes';
import { webRoutes } from './routes/web/routes';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook (anonymous until then). */
    actor: Actor;
  }
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
}

const anonymous: Actor = {
  kind: 'anonymous',
  userId: null,
  role: null,
  organisationId: null,
  country: null,
  scopes: null,
};

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
  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = anonymous;
    reply.header('x-request-id', request.id);
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const ctx: AppContext = {
    config: options.config,
    database: options.database,
    policy: options.policy ?? allowAllPolicy,
    consent: options.consent ?? allowAllConsent,
    audit: options.audit ?? noAudit,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
  registerIdempotency(app, options.database, (r: FastifyRequest) => r.actor.userId ?? r.actor.kind);

  await app.register(async (scope) => healthRoutes(scope, { ...ctx, isShuttingDown: () => shuttingDown }));
  await app.register(async (scope) => organisationRoutes(scope, ctx));
  await app.register(async (scope) => webRoutes(scope));

  await app.ready();
  return app;
}
