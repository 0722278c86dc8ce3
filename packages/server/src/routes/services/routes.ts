import type { FastifyInstance } from 'fastify';
import { serviceListQuery } from '@passerelle/core';
import { createServiceStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { registerCrudRoutes } from '../record-kit';
import { serviceBody, serviceResponse } from './schema';

/** Service offers (C2, C5): microcredit, banking, business development, psychosocial support, legal aid... */
export async function serviceRoutes(app: FastifyInstance, ctx: AppContext) {
  registerCrudRoutes(app, ctx, {
    path: '/api/services',
    type: 'service',
    entity: 'service',
    tags: ['services'],
    body: serviceBody,
    query: serviceListQuery,
    response: serviceResponse,
    store: createServiceStore(ctx.database.db),
    referredBy: 'referrals',
  });
}
