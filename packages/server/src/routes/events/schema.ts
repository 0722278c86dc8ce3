import { z } from 'zod';
import { eventFields, eventInput } from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const eventBody = eventInput;

/** An event as the caller may see it. */
export const eventResponse = z
  .object({ ...eventFields, ...recordMeta })
  .partial()
  .meta({ id: 'Event' });
