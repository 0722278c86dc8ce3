export { createRandom, type Random } from './random';
export { demoCountries, returnCountries, hostCountries, type DemoCountry, type DemoName } from './countries';
export {
  generateDemoData,
  demoIds,
  defaultDemoSize,
  defaultDemoSeed,
  type DemoDataset,
  type DemoOptions,
  type DemoReferral,
  type WithId,
} from './generate';
