export { escoFixturesDir } from './esco-fixtures';
export { createMemoryTaxonomyStore } from './memory-store';
export { writeFixtureTree } from './fixture-tree';
