import { z } from 'zod';
import { errorCodes } from '@passerelle/core';

/** The error body in the OpenAPI document. */
export const errorBodySchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Error' });

/** The error answers every API route may give, for the OpenAPI document. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  412: errorBodySchema,
  422: errorBodySchema,
  428: errorBodySchema,
} as const;
