import { z } from 'zod';
import { indicatorBreakdowns } from './indicators';

export const indicatorsQuery = z.object({
  by: z.enum(indicatorBreakdowns).default('sex'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BE or IQ')
    .optional(),
  programme: z.string().trim().min(1).max(300).optional(),
  /** json (default), or a table to download: csv or xlsx. */
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;
