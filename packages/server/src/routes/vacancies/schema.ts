import { z } from 'zod';
import { vacancyFields, vacancyInput } from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const vacancyBody = vacancyInput;

/** A vacancy as the caller may see it. */
export const vacancyResponse = z
  .object({ ...vacancyFields, ...recordMeta })
  .partial()
  .meta({ id: 'Vacancy' });
