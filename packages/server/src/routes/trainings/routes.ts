import type { FastifyInstance } from 'fastify';
import { trainingListQuery } from '@passerelle/core';
import { createTrainingStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { registerCrudRoutes } from '../record-kit';
import { trainingBody, trainingResponse } from './schema';

/** Training offers (C2): type, provider, skills taught, delivery, place, dates, seats, cost, stipend, support. */
export async function trainingRoutes(app: FastifyInstance, ctx: AppContext) {
  registerCrudRoutes(app, ctx, {
    path: '/api/trainings',
    type: 'training',
    entity: 'training',
    tags: ['trainings'],
    body: trainingBody,
    query: trainingListQuery,
    response: trainingResponse,
    store: createTrainingStore(ctx.database.db),
    referredBy: 'referrals',
  });
}
