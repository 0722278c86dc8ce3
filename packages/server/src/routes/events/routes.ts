import type { FastifyInstance } from 'fastify';
import { errors, eventListQuery } from '@passerelle/core';
import { createEventStore, createPersonStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { registerCrudRoutes } from '../record-kit';
import { eventBody, eventResponse } from './schema';

/**
 * Events (C2): job and training fairs with the employers and people attending. The attendance
 * list is shown to staff only (core `staffOnlyFields`), and filtering by a person needs the right
 * to read that person, so that nobody learns who attends by asking.
 */
export async function eventRoutes(app: FastifyInstance, ctx: AppContext) {
  const people = createPersonStore(ctx.database.db);
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' || request.routeOptions.url !== '/api/events') return;
    const personId = (request.query as { personId?: string } | undefined)?.personId;
    if (!personId) return;
    const person = await people.get(personId);
    if (!person) throw errors.notFound('person', personId);
    await ctx.policy.authorize(request.actor, 'read', { type: 'person', record: { ...person } });
  });
  registerCrudRoutes(app, ctx, {
    path: '/api/events',
    type: 'event',
    entity: 'event',
    tags: ['events'],
    body: eventBody,
    query: eventListQuery,
    response: eventResponse,
    store: createEventStore(ctx.database.db),
    referredBy: 'attending people',
  });
}
