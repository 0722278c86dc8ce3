import { z } from 'zod';
import { importKinds, importMappingSchema, tableFormats } from '@passerelle/io';

export const kindParams = z.object({ kind: z.enum(importKinds) });

/** Options of an upload sent as the raw file (text/csv or the XLSX content type). */
export const importQuery = z.object({
  format: z.enum(tableFormats).optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Vacancies and trainings: code the occupation of rows that give only its text, from the taxonomy (listed for review). */
  codeOccupations: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** An upload sent as JSON: the file base64-encoded, with an optional column mapping. */
export const importEnvelope = z
  .object({
    format: z.enum(tableFormats),
    /** The file, base64. */
    content: z.string().min(1),
    mapping: importMappingSchema.nullish(),
    sheet: z.string().trim().min(1).max(100).nullish(),
    delimiter: z.enum([',', ';', '\t', '|']).nullish(),
  })
  .meta({ id: 'ImportUpload' });

export const rowIssue = z.object({
  row: z.number().int(),
  externalId: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const importReport = z
  .object({
    kind: z.enum(importKinds),
    format: z.enum(tableFormats),
    dryRun: z.boolean(),
    committed: z.boolean(),
    rows: z.number().int(),
    invalidRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    organisationsCreated: z.number().int(),
    occupationsCoded: z.number().int(),
    /** The rows coded (the first 1,000), for review: the text, and the occupation chosen for it. */
    codedOccupations: z.array(
      z.object({
        row: z.number().int(),
        text: z.string(),
        uri: z.string(),
        iscoCode: z.string().nullable(),
        label: z.string(),
        score: z.number(),
      }),
    ),
    issues: z.array(rowIssue),
    outcomes: z.array(
      z.object({
        row: z.number().int(),
        externalId: z.string(),
        id: z.string(),
        outcome: z.enum(['created', 'updated', 'unchanged']),
      }),
    ),
    /** People: the cases the file closes or reopens (each audited as close_case / reopen_case on commit). */
    caseClosureChanges: z.array(
      z.object({
        row: z.number().int(),
        externalId: z.string(),
        id: z.string(),
        action: z.enum(['close_case', 'reopen_case']),
      }),
    ),
  })
  .meta({ id: 'ImportReport' });

export const exportQuery = z.object({
  format: z.enum(tableFormats).default('csv'),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
