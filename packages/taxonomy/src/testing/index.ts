export { escoFixturesDir } from './esco-fixtures';
export { createMemoryTaxonomyStore } from './memory-store';
