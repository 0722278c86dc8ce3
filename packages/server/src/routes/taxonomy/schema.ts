import { z } from 'zod';
import { conceptTypes, escoAttribution } from '@passerelle/core';
import { scaleIds } from '@passerelle/taxonomy';

const lang = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en, fr or ckb')
  .optional();

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  lang,
  /** One type or several separated by commas. */
  type: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const types = v.split(',').map((t) => t.trim());
      const bad = types.find((t) => !(conceptTypes as readonly string[]).includes(t));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `must be among ${conceptTypes.join(', ')}` });
        return z.NEVER;
      }
      return types as (typeof conceptTypes)[number][];
    }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  includeObsolete: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const conceptQuery = z.object({
  lang,
  limit: z.coerce.number().int().min(1).max(2000).default(200),
});

export const conceptParams = z.object({ '*': z.string().min(1).max(500) });

const attribution = z.string().describe(escoAttribution);

export const searchHit = z
  .object({
    uri: z.string(),
    type: z.enum(conceptTypes),
    iscoCode: z.string().nullable(),
    code: z.string().nullable(),
    label: z.string(),
    labelLang: z.string(),
    matched: z.string(),
    matchedLang: z.string(),
    score: z.number(),
    obsolete: z.boolean(),
  })
  .meta({ id: 'ConceptSearchHit' });

export const searchResponse = z.object({ items: z.array(searchHit), attribution });

const ref = z.object({
  uri: z.string(),
  type: z.enum(conceptTypes).nullable(),
  label: z.string(),
  labelLang: z.string(),
  iscoCode: z.string().nullable(),
});
const refList = z.object({ total: z.number().int(), items: z.array(ref) });

export const conceptResponse = z
  .object({
    uri: z.string(),
    type: z.enum(conceptTypes),
    code: z.string().nullable(),
    iscoCode: z.string().nullable(),
    skillType: z.string().nullable(),
    reuseLevel: z.string().nullable(),
    status: z.string().nullable(),
    source: z.enum(['esco', 'catalogue']),
    obsolete: z.boolean(),
    collections: z.array(z.string()),
    label: z.string(),
    labelLang: z.string(),
    altLabels: z.array(z.string()),
    description: z.string().nullable(),
    labels: z.record(z.string(), z.string()),
    broader: refList,
    narrower: refList,
    essentialSkills: refList,
    optionalSkills: refList,
    essentialFor: refList,
    optionalFor: refList,
    relatedSkills: refList,
    attribution: z.string().nullable(),
  })
  .meta({ id: 'Concept' });

export const statsResponse = z.object({
  occupations: z.number().int(),
  skills: z.number().int(),
  iscoGroups: z.number().int(),
  skillGroups: z.number().int(),
  relations: z.number().int(),
  relationsByKind: z.record(z.string(), z.number().int()),
  obsolete: z.number().int(),
  languages: z.array(z.string()),
  collections: z.record(z.string(), z.number().int()),
  escoVersion: z.string().nullable(),
  catalogueVersion: z.string().nullable(),
  attribution,
});

export const scaleParams = z.object({ id: z.enum(scaleIds) });
export const scaleQuery = z.object({ lang });

const scaleEntry = z.object({ code: z.string(), label: z.string(), group: z.string().optional() });
export const scaleResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    items: z.array(scaleEntry),
    parts: z.record(z.string(), z.array(scaleEntry)).optional(),
  })
  .meta({ id: 'ReferenceScale' });
export const scaleListResponse = z.object({
  items: z.array(z.object({ id: z.enum(scaleIds), name: z.string() })),
});
