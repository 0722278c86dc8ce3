import { z } from 'zod';

/**
 * Building blocks shared by the record schemas (people, vacancies, trainings, services, events,
 * referrals). Taxonomy codes are always stored beside the free text the user typed, so that a
 * record stays readable when a code is missing or becomes obsolete.
 */

/** ISO 3166-1 alpha-2 country code. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BE or IQ');

/** A record id (UUID). */
export const recordId = z.uuid();

/** An identifier in another system (a CSV import key, a public employment service's vacancy number). */
export const externalId = z.string().trim().min(1).max(200);

/**
 * A calendar date, `YYYY-MM-DD`, from the year 1000 (a year 0000 passes the format but no
 * database stores it; nothing the product records is older).
 */
export const isoDate = z.iso.date().refine((d) => d >= '1000-01-01', 'must be a date from the year 1000 on');

/** A timestamp with an offset, as returned by `Date#toISOString`. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A date known to the year, month or day: `2019`, `2019-04` or `2019-04-17` (returnees often remember only the year). */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** ISO 639-1 or 639-3 language code, lower case (`ar`, `ckb`, `fr`). */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as ar, ckb or fr');

/** ISO 4217 currency code. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR or IQD');

/** A short free text (a label, a name). */
export const shortText = z.string().trim().max(300);
/** A longer free text (a description, a note). */
export const longText = z.string().trim().max(10_000);

/** The URI of a concept of the shared vocabulary (ESCO, or the starter catalogue). */
export const conceptUri = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/|urn:)\S+$/, 'must be a concept URI such as http://data.europa.eu/esco/skill/...');

/** An ISCO-08 code: a major (1 digit), sub-major (2), minor (3) or unit group (4). */
export const iscoCode = z.string().regex(/^\d{1,4}$/, 'must be an ISCO-08 code of 1 to 4 digits');

/**
 * A coded concept: the taxonomy URI when known, the free text always welcome. At least one of
 * the two is required.
 */
export const codedConcept = z
  .object({
    uri: conceptUri.nullish(),
    label: shortText.nullish(),
  })
  .refine((v) => Boolean(v.uri) || Boolean(v.label), {
    message: 'needs a concept URI or a label',
    path: ['label'],
  });
export type CodedConcept = z.infer<typeof codedConcept>;

/** An occupation: ESCO URI, ISCO-08 code and free text, any of them. */
export const codedOccupation = z
  .object({
    uri: conceptUri.nullish(),
    iscoCode: iscoCode.nullish(),
    label: shortText.nullish(),
  })
  .refine((v) => Boolean(v.uri) || Boolean(v.iscoCode) || Boolean(v.label), {
    message: 'needs an ESCO URI, an ISCO-08 code or a label',
    path: ['label'],
  });
export type CodedOccupation = z.infer<typeof codedOccupation>;

/** An economic sector: an ISIC Rev.4 code (section letter or 2-4 digits) and free text. */
export const codedSector = z
  .object({
    isicCode: z
      .string()
      .regex(/^([A-U]|\d{2,4})$/, 'must be an ISIC Rev.4 section letter (A-U) or a 2-4 digit code')
      .nullish(),
    label: shortText.nullish(),
  })
  .refine((v) => Boolean(v.isicCode) || Boolean(v.label), {
    message: 'needs an ISIC code or a label',
    path: ['label'],
  });
export type CodedSector = z.infer<typeof codedSector>;

/** CEFR levels (Council of Europe). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];
export const cefrLevel = z.enum(cefrLevels);

/** Numeric rank of a CEFR level, A1 = 1 ... C2 = 6; for "at least" comparisons. */
export function cefrRank(level: CefrLevel): number {
  return cefrLevels.indexOf(level) + 1;
}

/** ISCED 2011 levels 0-8, and 9 "not elsewhere classified". */
export const iscedLevel = z.int().min(0).max(9);

/** How a claim about a person is known (C1: education, languages and skills). */
export const evidenceKinds = ['self_declared', 'certificate', 'test', 'employer_reference'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidence = z.object({
  kind: z.enum(evidenceKinds).default('self_declared'),
  /** A document number, test name or referee. */
  reference: shortText.nullish(),
  verifiedOn: isoDate.nullish(),
});
export type Evidence = z.infer<typeof evidence>;

/** WGS 84 coordinates. */
export const coordinates = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** A place: country, region (province, governorate, district), city, address and optional coordinates. */
export const place = z.object({
  country: countryCode.nullish(),
  region: shortText.nullish(),
  city: shortText.nullish(),
  address: shortText.nullish(),
  coordinates: coordinates.nullish(),
});
export type Place = z.infer<typeof place>;

/** An amount of money. */
export const money = z.object({
  amount: z.number().min(0).max(1e12),
  currency: currencyCode,
});

export const payPeriods = ['hour', 'day', 'week', 'month', 'year', 'total'] as const;

/** A wage or stipend: a range in a currency per period. */
export const payRange = z
  .object({
    min: z.number().min(0).max(1e12).nullish(),
    max: z.number().min(0).max(1e12).nullish(),
    currency: currencyCode,
    period: z.enum(payPeriods),
  })
  .refine((v) => v.min == null || v.max == null || v.min <= v.max, {
    message: 'min must not exceed max',
    path: ['max'],
  });

/** Shifts a job or a person's availability covers. */
export const shifts = ['day', 'evening', 'night', 'weekend', 'split', 'rotating'] as const;

/** Working hours: hours per week and shifts. */
export const workingHours = z.object({
  perWeek: z.number().min(0).max(168).nullish(),
  shifts: z.array(z.enum(shifts)).max(shifts.length).default([]),
  schedule: shortText.nullish(),
});

/** A contact person of an organisation. */
export const contactPerson = z.object({
  name: shortText.min(1),
  role: shortText.nullish(),
  phone: z.string().trim().max(50).nullish(),
  email: z.email().max(300).nullish(),
});

/** Sort directions of list endpoints. */
export const sortOrder = z.enum(['asc', 'desc']).default('asc');

/** A boolean in a query string: `true` or `false`. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Who made a change, for history rows. */
export interface ChangeMeta {
  actorId: string | null;
}

/** What happened to one row of a bulk upsert by external id. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** The result of a bulk upsert: one outcome per input row, in order. */
export interface BulkUpsertResult {
  outcomes: { externalId: string; id: string; outcome: UpsertOutcome }[];
  created: number;
  updated: number;
  unchanged: number;
  /** True when the changes were rolled back (a dry run). */
  dryRun: boolean;
}

export interface BulkUpsertOptions {
  /** Validate and compute outcomes, then roll back. */
  dryRun?: boolean;
  newId: () => string;
  meta?: ChangeMeta;
}

/**
 * Which records a caller may list, as a store filter (the trust policy's `ListScope` has this
 * shape): any of the listed conditions (OR); `all` and `none` short-cut.
 */
export interface RecordListScope {
  all: boolean;
  none: boolean;
  organisationIds: string[];
  countries: string[];
  caseManagerId: string | null;
  counsellorId: string | null;
  personId: string | null;
  recipientOrganisationId: string | null;
}

/** The answer of a delete: records others refer to are archived, the others deleted. */
export type RemoveResult<T> = { outcome: 'archived'; record: T } | { outcome: 'deleted'; id: string };
