import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors, escoAttribution } from '@passerelle/core';
import { createTaxonomyStore } from '@passerelle/db';
import { localizedScale, scaleIds, TaxonomyService } from '@passerelle/taxonomy';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';
import {
  conceptParams,
  conceptQuery,
  conceptResponse,
  scaleListResponse,
  scaleParams,
  scaleQuery,
  scaleResponse,
  searchQuery,
  searchResponse,
  statsResponse,
} from './schema';

/** The language asked for: `?lang=`, else the first Accept-Language tag, else English. */
function requestedLanguage(request: FastifyRequest, lang: string | undefined): string {
  if (lang) return lang.toLowerCase();
  const header = request.headers['accept-language'];
  const first =
    typeof header === 'string' ? header.split(',')[0]?.split(';')[0]?.trim().toLowerCase() : undefined;
  return first && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(first) ? first : 'en';
}

/**
 * The shared vocabulary: type-ahead search over concept labels and one concept with its
 * neighbours. The search index lives in memory (built on first use, or when the server starts
 * listening, and rebuilt when a newer import appears); the embedded default loads the starter
 * catalogue when no ESCO release has been imported.
 */
export async function taxonomyRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createTaxonomyStore(ctx.database);
  const taxonomy = new TaxonomyService(store, { seedStarterCatalogue: true, fallbackLanguages: ['en'] });
  // Warm the index when a real server starts (in-process tests never listen).
  app.addHook('onListen', async () => {
    void taxonomy.ready().catch((e: unknown) => app.log.error({ err: e }, 'could not load the taxonomy'));
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['taxonomy'];

  r.get(
    '/api/taxonomy/search',
    {
      schema: {
        tags,
        summary: 'Type-ahead search of occupations, skills, skill groups and ISCO-08 groups',
        description: `Matches preferred, alternative and hidden labels in every imported language; case- and accent-insensitive, one typo tolerated, Arabic script folded. Labels come in \`lang\` (else the Accept-Language language) with English as fallback. ${escoAttribution}`,
        querystring: searchQuery,
        response: { 200: searchResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      const q = request.query;
      const items = await taxonomy.search(q.q, {
        lang: requestedLanguage(request, q.lang),
        limit: q.limit,
        includeObsolete: q.includeObsolete,
        ...(q.type ? { types: q.type } : {}),
      });
      return { items, attribution: escoAttribution };
    },
  );

  r.get(
    '/api/taxonomy/concepts/*',
    {
      schema: {
        tags,
        summary: 'One concept by URI, with broader and narrower concepts, skills or occupations',
        description: `The URI follows the path, URL-encoded or not: \`/api/taxonomy/concepts/http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2F...\`. ${escoAttribution}`,
        params: conceptParams,
        querystring: conceptQuery,
        response: { 200: conceptResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      let uri = request.params['*'];
      try {
        uri = decodeURIComponent(uri);
      } catch {
        throw errors.validation(
          [{ path: ['uri'], code: 'invalid_string', message: 'must be a URL-encoded concept URI' }],
          'params',
        );
      }
      // Proxies may merge the double slash of an unencoded `http://`.
      uri = uri.replace(/^(https?):\/(?!\/)/, '$1://');
      const view = await taxonomy.concept(uri, requestedLanguage(request, request.query.lang), {
        limit: request.query.limit,
      });
      if (!view) throw errors.notFound('concept', uri);
      return view;
    },
  );

  r.get(
    '/api/taxonomy/stats',
    {
      schema: {
        tags,
        summary: 'Counts of concepts and relations, languages, and the ESCO version imported',
        response: { 200: statsResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      await taxonomy.ready();
      return { ...(await store.stats()), attribution: escoAttribution };
    },
  );

  r.get(
    '/api/taxonomy/scales',
    {
      schema: {
        tags,
        summary:
          'The reference scales: CEFR, ISCED 2011, DigComp 2.2, ISCO-08 major groups, countries, languages',
        querystring: scaleQuery,
        response: { 200: scaleListResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      const lang = requestedLanguage(request, request.query.lang);
      return { items: scaleIds.map((id) => ({ id, name: localizedScale(id, lang).name })) };
    },
  );

  r.get(
    '/api/taxonomy/scales/:id',
    {
      schema: {
        tags,
        summary:
          'One reference scale with its labels in an interface language (en, fr, nl, ar, ckb; English otherwise)',
        params: scaleParams,
        querystring: scaleQuery,
        response: { 200: scaleResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      return localizedScale(request.params.id, requestedLanguage(request, request.query.lang));
    },
  );
}
