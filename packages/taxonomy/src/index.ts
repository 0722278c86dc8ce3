export { importEsco } from './esco/import-esco';
export type { EscoImportOptions, EscoImportSummary, ImportedFile, ImportProgress } from './esco/import-esco';
export { planFiles, recogniseFile, versionFromPath } from './esco/files';
export type { EscoFileKind, PlannedFile, SkippedFile } from './esco/files';
export { ConceptIndex } from './search/concept-index';
export type { SearchHit, SearchOptions } from './search/concept-index';
export { defaultScoring } from './search/scoring';
export type { ScoringOptions } from './search/scoring';
export { benchmarkSearch, makeTypeaheadQueries, seededRandom } from './bench/search-bench';
export type { BenchQuery } from './bench/search-bench';
export { TaxonomyService } from './service/taxonomy-service';
export type { ConceptRef, ConceptView, RefList, TaxonomyServiceOptions } from './service/taxonomy-service';
export { loadStarterCatalogue } from './starter/load-starter-catalogue';
export type { StarterLoadResult } from './starter/load-starter-catalogue';
export { starterCatalogue, starterCatalogueVersion, catalogueSectors } from './catalogue/index';
export type {
  StarterCatalogue,
  CatalogueOccupation,
  CatalogueSkill,
  CatalogueSector,
} from './catalogue/index';
export { localizedScale, referenceScale, scaleIds, scaleLocale } from './scales/scales';
export type { ScaleId } from './scales/scales';
export { countries, languages, languageName, extraLanguageCodes } from './scales/names';
export type { LocalizedScale, Localized, ReferenceScale, ScaleItem } from './scales/types';
