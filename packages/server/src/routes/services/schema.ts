import { z } from 'zod';
import { serviceFields, serviceInput } from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const serviceBody = serviceInput;

/** A service offer as the caller may see it. */
export const serviceResponse = z
  .object({ ...serviceFields, ...recordMeta })
  .partial()
  .meta({ id: 'Service' });
