import { z } from 'zod';
import { trainingFields, trainingInput } from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const trainingBody = trainingInput;

/** A training offer as the caller may see it. */
export const trainingResponse = z
  .object({ ...trainingFields, ...recordMeta })
  .partial()
  .meta({ id: 'Training' });
