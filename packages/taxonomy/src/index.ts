export { importEsco } from './esco/import-esco';
export type { EscoImportOptions, EscoImportSummary, ImportedFile, ImportProgress } from './esco/import-esco';
export { planFiles, recogniseFile, versionFromPath } from './esco/files';
export type { EscoFileKind, PlannedFile, SkippedFile } from './esco/files';
export * from './catalogue/index';
