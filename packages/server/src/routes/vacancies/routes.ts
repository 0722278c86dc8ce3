import type { FastifyInstance } from 'fastify';
import { vacancyListQuery } from '@passerelle/core';
import { createVacancyStore } from '@passerelle/db';
import type { AppContext } from '../../context';
import { registerCrudRoutes } from '../record-kit';
import { vacancyBody, vacancyResponse } from './schema';

/** Vacancies (C2): occupation, skills, languages, place, contract, wage, hours, hard requirements. */
export async function vacancyRoutes(app: FastifyInstance, ctx: AppContext) {
  registerCrudRoutes(app, ctx, {
    path: '/api/vacancies',
    type: 'vacancy',
    entity: 'vacancy',
    tags: ['vacancies'],
    body: vacancyBody,
    query: vacancyListQuery,
    response: vacancyResponse,
    store: createVacancyStore(ctx.database.db),
    referredBy: 'referrals',
  });
}
