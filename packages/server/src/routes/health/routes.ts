import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@passerelle/core';
import type { AppContext } from '../../context';

/** Liveness and readiness probes. */
export async function healthRoutes(
  app: FastifyInstance,
  ctx: AppContext & { isShuttingDown: () => boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and the server is not shutting down',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      if (ctx.isShuttingDown()) throw new DomainError('unavailable', { what: 'Passerelle (shutting down)' });
      try {
        await ctx.database.ping();
      } catch {
        throw new DomainError('unavailable', { what: 'The database' });
      }
      return { status: 'ready' as const, database: ctx.database.kind };
    },
  );
}
