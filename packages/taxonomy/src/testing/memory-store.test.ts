import { describe, test } from 'vitest';
import { defineTaxonomyStoreContract } from '@passerelle/core';
import { createMemoryTaxonomyStore } from './memory-store';

describe('taxonomy store in memory', () => {
  defineTaxonomyStoreContract(test, async () => ({
    store: createMemoryTaxonomyStore(),
    close: async () => {},
  }));
});
