import { z } from 'zod';
import { catalogueSectors, skillReuseLevels } from './types';

const uriSchema = z
  .string()
  .regex(
    /^(http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|urn:passerelle:(occupation|skill):[a-z0-9]+(-[a-z0-9]+)*)$/,
  );

const labelTextSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((text) => text === text.trim() && !/\s{2}/.test(text), 'no stray whitespace');

const labelSchema = z.strictObject({ preferred: labelTextSchema, alt: z.array(labelTextSchema) });
const labelsSchema = z.strictObject({ en: labelSchema, fr: labelSchema, nl: labelSchema, ar: labelSchema });

/** Validates the starter catalogue (used by its tests and by loaders that want to be sure). */
export const starterCatalogueSchema = z.strictObject({
  version: z.string().min(1),
  occupations: z.array(
    z.strictObject({
      uri: uriSchema,
      type: z.literal('occupation'),
      iscoCode: z.string().regex(/^\d{4}$/),
      sector: z.enum(catalogueSectors),
      labels: labelsSchema,
      essentialSkills: z.array(uriSchema).min(1),
      optionalSkills: z.array(uriSchema),
    }),
  ),
  skills: z.array(
    z.strictObject({
      uri: uriSchema,
      type: z.enum(['skill', 'knowledge']),
      reuseLevel: z.enum(skillReuseLevels).optional(),
      sector: z.enum([...catalogueSectors, 'transversal']),
      labels: labelsSchema,
      broader: z.array(uriSchema),
    }),
  ),
});
