import { describe, test } from 'vitest';
import { defineTaxonomyStoreContract } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import { createTaxonomyStore } from './taxonomy';

describe.each(testDatabaseKinds())('taxonomy store on $name', (kind) => {
  defineTaxonomyStoreContract(test, async () => {
    const { database, drop } = await kind.create();
    return {
      store: createTaxonomyStore(database),
      async close() {
        await database.close();
        await drop();
      },
    };
  });
});
