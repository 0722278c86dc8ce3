import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escoAttribution } from '@passerelle/core';
import { createTaxonomyStore } from '@passerelle/db';
import { loadStarterCatalogue } from '@passerelle/taxonomy';
import {
  createOccupationLinker,
  createSkillExtractor,
  knowledgeFromConcepts,
  type LanguageCode,
  type OccupationLinker,
  type SkillExtractor,
} from '@passerelle/text';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/openapi';

const suggestBody = z.object({
  text: z.string().trim().min(1).max(5000),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as en, fr or ar')
    .optional(),
  limit: z.int().min(1).max(20).default(5),
});

const suggestResponse = z
  .object({
    occupations: z.array(
      z.object({ uri: z.string(), label: z.string(), iscoCode: z.string().nullable(), score: z.number() }),
    ),
    skills: z.array(
      z.object({
        uri: z.string(),
        label: z.string(),
        text: z.string(),
        start: z.number(),
        end: z.number(),
        confidence: z.number(),
      }),
    ),
    attribution: z.string(),
  })
  .meta({ id: 'TextSuggestions' });

/**
 * `POST /api/text/suggest`: a job title or a free-text line → ESCO occupations and skills, for
 * the counsellor to confirm during intake. Built from the taxonomy in the database (the starter
 * catalogue when no ESCO has been imported), rebuilt when a newer import appears.
 */
export async function textRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = createTaxonomyStore(ctx.database);
  interface Tools {
    importId: string | null;
    linker: OccupationLinker;
    extractor: SkillExtractor;
  }
  let cache: Tools | null = null;
  let building: Promise<Tools> | null = null;

  async function tools(): Promise<Tools> {
    const [latest] = await store.listImports(1);
    const importId = latest ? String(latest.id) : null;
    if (cache && cache.importId === importId) return cache;
    building ??= (async (): Promise<Tools> => {
      try {
        await loadStarterCatalogue(store);
        const concepts = await store.loadSearchableConcepts();
        const relations = await store.loadRelations(['broader']);
        const built: Tools = {
          importId,
          linker: createOccupationLinker(knowledgeFromConcepts(concepts, relations, ['occupation'])),
          extractor: createSkillExtractor(knowledgeFromConcepts(concepts, relations, ['skill'])),
        };
        cache = built;
        return built;
      } finally {
        building = null;
      }
    })();
    return building;
  }

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/text/suggest',
    {
      schema: {
        tags: ['text'],
        summary: 'Suggest ESCO occupations and skills for a title or a free-text line (to be confirmed)',
        description: escoAttribution,
        body: suggestBody,
        response: { 200: suggestResponse, ...errorResponses },
      },
    },
    async (request) => {
      await ctx.policy.authorize(request.actor, 'read', { type: 'taxonomy' });
      const { text, lang, limit } = request.body;
      const { linker, extractor } = await tools();
      const options = lang ? { lang: lang as LanguageCode } : {};
      const occupations = linker
        .link(text, { ...options, limit: limit * 2 })
        .filter((o) => o.kind === 'occupation')
        .slice(0, limit)
        .map((o) => ({ uri: o.uri, label: o.label, iscoCode: o.iscoCode ?? null, score: o.score }));
      const skills = extractor.extract(text, { ...options, limit: limit * 2 }).map((s) => ({
        uri: s.uri,
        label: s.label,
        text: s.text,
        start: s.start,
        end: s.end,
        confidence: s.confidence,
      }));
      return { occupations, skills, attribution: escoAttribution };
    },
  );
}
