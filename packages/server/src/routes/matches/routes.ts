import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, type Person, type Training, type Vacancy } from '@passerelle/core';
import { createPersonStore, createTrainingStore, createVacancyStore } from '@passerelle/db';
import {
  explainTrainingMatch,
  explainVacancyMatch,
  type MatchPage,
  type MatchQuery,
  type MatchOptionsInput,
} from '@passerelle/matching';
import { explanationForView } from '../../auth/match-explanation';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import type { MatchService } from '../../matching/service';
import { organisationName, organisationNameLookup } from '../organisation-names';
import { audit, idParams, permits, present } from '../record-kit';

/** Matching needs the person's consent for the programme to use their profile for matching. */
const matchingConsentTarget = { category: 'programme' } as const;

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
const personMatchQuery = pageQuery.extend({ kind: z.enum(['vacancy', 'training']).default('vacancy') });

const criterionScore = z.object({
  id: z.string(),
  weight: z.number(),
  score: z.number(),
  contribution: z.number(),
  admitted: z.boolean().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
const explanation = z.object({
  score: z.number(),
  admitted: z.boolean(),
  criteria: z.array(criterionScore),
  skills: z
    .object({
      matched: z.array(
        z.object({
          uri: z.string(),
          requirement: z.enum(['essential', 'optional']),
          kind: z.string(),
          strength: z.number(),
          path: z.array(z.string()),
          near: z.boolean(),
          inferred: z.boolean(),
        }),
      ),
      missingEssential: z.array(z.string()),
      missingOptional: z.array(z.string()),
    })
    .optional(),
  trainings: z
    .object({
      suggestions: z.array(z.object({ id: z.string(), covers: z.array(z.string()), score: z.number() })),
      stillMissing: z.array(z.string()),
      scoreAfter: z.number(),
    })
    .optional(),
  closesGaps: z.array(z.string()).optional(),
});
const matchItem = z.object({
  id: z.string(),
  kind: z.enum(['vacancy', 'training', 'person']),
  score: z.number(),
  record: z.record(z.string(), z.unknown()),
  /**
   * Who offers a vacancy (the employer) or a training (the provider): its display name only, so
   * that a person sees who offers each opportunity without reading the organisation.
   */
  offeredBy: organisationName.nullable().optional(),
  explanation,
});
const matchPage = z
  .object({ items: z.array(matchItem), offset: z.number(), limit: z.number(), hasMore: z.boolean() })
  .meta({ id: 'MatchPage' });

/**
 * Ranks with the engine and keeps only results the caller may see, asking for more until the page
 * is full (visibility needs the database: consent and per-record policy).
 */
async function visiblePage(
  rank: (q: MatchQuery) => MatchPage,
  offset: number,
  limit: number,
  keep: (id: string) => Promise<boolean>,
): Promise<{ ids: { id: string; score: number }[]; hasMore: boolean }> {
  const out: { id: string; score: number }[] = [];
  let skipped = 0;
  let cursor = 0;
  const batch = Math.max(limit * 2, 20);
  for (let round = 0; round < 20; round++) {
    const page = rank({ offset: cursor, limit: batch });
    for (const item of page.items) {
      if (!(await keep(item.id))) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (out.length === limit) return { ids: out, hasMore: true };
      out.push(item);
    }
    if (!page.hasMore) return { ids: out, hasMore: false };
    cursor += page.items.length;
  }
  return { ids: out, hasMore: true };
}

/** `GET /api/people/{id}/matches`, `GET /api/vacancies/{id}/candidates`, `GET /api/trainings/{id}/candidates`. */
export async function matchRoutes(app: FastifyInstance, ctx: AppContext, service: MatchService) {
  const people = createPersonStore(ctx.database.db);
  const vacancies = createVacancyStore(ctx.database.db);
  const trainings = createTrainingStore(ctx.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matching'];

  const readablePerson = async (request: FastifyRequest, id: string): Promise<Person | null> => {
    const p = await people.get(id);
    if (!p || p.archivedAt) return null;
    if (!(await ctx.consent.allows(id, 'matching', matchingConsentTarget))) return null;
    return (await permits(ctx, request.actor, 'read', { type: 'person', record: { ...p } })) ? p : null;
  };

  /**
   * Explains a person–vacancy pair for one request, suggesting only trainings the caller may see:
   * explain, check the suggestions, explain again without the hidden ones (each training is
   * checked once per request).
   */
  const vacancyExplainer = (request: FastifyRequest, options: MatchOptionsInput) => {
    const seen = new Map<string, boolean>();
    const trainingVisible = async (id: string) => {
      if (!seen.has(id)) {
        const t = await trainings.get(id);
        seen.set(
          id,
          Boolean(t) && (await permits(ctx, request.actor, 'read', { type: 'training', record: { ...t! } })),
        );
      }
      return seen.get(id)!;
    };
    return async (personId: string, vacancyId: string) => {
      let e = explainVacancyMatch(service.index, personId, vacancyId, { maxTrainings: 3, options });
      for (let round = 0; round < 5; round++) {
        let hidden = false;
        for (const s of e.trainings.suggestions) if (!(await trainingVisible(s.id))) hidden = true;
        if (!hidden) break;
        e = explainVacancyMatch(service.index, personId, vacancyId, {
          maxTrainings: 3,
          options,
          visibleTraining: (t) => seen.get(t) !== false,
        });
      }
      return e;
    };
  };

  r.get(
    '/api/people/:id/matches',
    {
      schema: {
        tags,
        summary:
          'Vacancies or trainings for a person, ranked, each with its reasons and the trainings that close gaps',
        params: idParams,
        querystring: personMatchQuery,
        response: { 200: matchPage, ...errorResponses },
      },
    },
    async (request) => {
      const person = await people.get(request.params.id);
      if (!person) throw errors.notFound('person', request.params.id);
      await ctx.policy.authorize(request.actor, 'read', { type: 'person', record: { ...person } });
      await ctx.consent.require(person.id, 'matching', matchingConsentTarget);
      if (person.archivedAt) throw errors.conflict('the person is archived');
      // A closed case is out of the index: nothing is proposed until it is reopened.
      if (person.caseClosure)
        throw errors.conflict('the case is closed', { closedOn: person.caseClosure.on });
      await service.sync();
      const { offset, limit, kind } = request.query;
      // Only opportunities still open today: a vacancy whose closing date passed, a training that
      // ended or closed its enrolment, is neither proposed nor suggested to close a gap.
      const options = { today: ctx.now().toISOString().slice(0, 10) };
      await audit(ctx, request, {
        action: 'read_matches',
        entity: 'person',
        entityId: person.id,
        personId: person.id,
      });
      const explainVacancy = vacancyExplainer(request, options);
      const offeredBy = organisationNameLookup(ctx.database);
      if (kind === 'vacancy') {
        const records = new Map<string, Vacancy>();
        const page = await visiblePage(
          (q) => service.index.rankVacanciesForPerson(person.id, { ...q, options }),
          offset,
          limit,
          async (id) => {
            const v = await vacancies.get(id);
            if (!v || !(await permits(ctx, request.actor, 'read', { type: 'vacancy', record: { ...v } })))
              return false;
            records.set(id, v);
            return true;
          },
        );
        const items = [];
        for (const { id, score } of page.ids) {
          const e = await explainVacancy(person.id, id);
          items.push({
            id,
            kind: 'vacancy' as const,
            score,
            record: await present(ctx, request.actor, 'vacancy', records.get(id)!),
            offeredBy: await offeredBy(records.get(id)!.employerId),
            explanation: e,
          });
        }
        return { items, offset, limit, hasMore: page.hasMore };
      }
      const records = new Map<string, Training>();
      const page = await visiblePage(
        (q) => service.index.rankTrainingsForPerson(person.id, { ...q, options }),
        offset,
        limit,
        async (id) => {
          const t = await trainings.get(id);
          if (!t || !(await permits(ctx, request.actor, 'read', { type: 'training', record: { ...t } })))
            return false;
          records.set(id, t);
          return true;
        },
      );
      const items = [];
      for (const { id, score } of page.ids) {
        const e = explainTrainingMatch(service.index, person.id, id, { options });
        items.push({
          id,
          kind: 'training' as const,
          score,
          record: await present(ctx, request.actor, 'training', records.get(id)!),
          offeredBy: await offeredBy(records.get(id)!.providerId),
          explanation: e,
        });
      }
      return { items, offset, limit, hasMore: page.hasMore };
    },
  );

  const candidates = (kind: 'vacancy' | 'training') =>
    r.get(
      kind === 'vacancy' ? '/api/vacancies/:id/candidates' : '/api/trainings/:id/candidates',
      {
        schema: {
          tags,
          summary: `People for a ${kind}, ranked with reasons (only people who consent to matching and whom the caller may see)`,
          params: idParams,
          querystring: pageQuery,
          response: { 200: matchPage, ...errorResponses },
        },
      },
      async (request) => {
        const target =
          kind === 'vacancy'
            ? await vacancies.get(request.params.id)
            : await trainings.get(request.params.id);
        if (!target) throw errors.notFound(kind, request.params.id);
        await ctx.policy.authorize(request.actor, 'read', { type: kind, record: { ...target } });
        await service.sync();
        const inIndex = (kind === 'vacancy' ? service.index.vacancies : service.index.trainings).slotOf.has(
          target.id,
        );
        if (!inIndex) throw errors.conflict(`the ${kind} is not open for matching`);
        // Matched as of today: a closed vacancy or a training that can no longer be joined matches
        // nobody (said plainly rather than as an empty list), and no ended training is suggested.
        const today = ctx.now().toISOString().slice(0, 10);
        const options = { today };
        const open =
          kind === 'vacancy'
            ? service.index.isVacancyOpen(target.id, options)
            : service.index.isTrainingOpen(target.id, options);
        if (!open) throw errors.closedForMatching(kind, target.id, today);
        const explainVacancy = vacancyExplainer(request, options);
        const { offset, limit } = request.query;
        const records = new Map<string, Person>();
        // The engine skips people without consent at once (one query); each result is still checked below.
        const consented = await ctx.consent.peopleAllowing?.('matching', matchingConsentTarget);
        const visible = consented ? { visible: (id: string) => consented.has(id) } : {};
        const page = await visiblePage(
          (q) =>
            kind === 'vacancy'
              ? service.index.rankPeopleForVacancy(target.id, { ...q, ...visible, options })
              : service.index.rankPeopleForTraining(target.id, { ...q, ...visible, options }),
          offset,
          limit,
          async (id) => {
            const p = await readablePerson(request, id);
            if (p) records.set(id, p);
            return Boolean(p);
          },
        );
        const items = [];
        for (const { id, score } of page.ids) {
          await audit(ctx, request, {
            action: 'read_as_candidate',
            entity: 'person',
            entityId: id,
            personId: id,
          });
          const e =
            kind === 'vacancy'
              ? await explainVacancy(id, target.id)
              : explainTrainingMatch(service.index, id, target.id, { options });
          const held = records.get(id)!;
          const record = await present(ctx, request.actor, 'person', held);
          items.push({
            id,
            kind: 'person' as const,
            score,
            record,
            // Only what the caller's view of the person supports (trust: shared fields).
            explanation: explanationForView(e, record, { ...held }),
          });
        }
        return { items, offset, limit, hasMore: page.hasMore };
      },
    );
  candidates('vacancy');
  candidates('training');
}
