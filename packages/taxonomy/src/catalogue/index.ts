export * from './types';
export { starterCatalogueSchema } from './catalogue-schema';
export { starterCatalogue, starterCatalogueVersion } from './starter-catalogue';
