import type { FastifyInstance } from 'fastify';
import { eventListQuery } from '@passerelle/core';
import { createEventStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { registerCrudRoutes } from '../record-kit';
import { eventBody, eventResponse } from './schema';

/** Events (C2): job and training fairs with the employers and people attending. */
export async function eventRoutes(app: FastifyInstance, ctx: AppContext) {
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
