export { importKinds, layoutHeader, type ImportKind, type Layout, type LayoutColumn } from './layouts/layout';
export { layouts } from './layouts/index';
export { recordToCells, parseRowCells } from './layouts/convert';
export {
  readTableFile,
  readTableFromBuffer,
  writeTableToBuffer,
  formatFromName,
  tableFormats,
  type Table,
  type TableFormat,
  type TableRow,
} from './table/table';
export {
  readMappingFile,
  parseMapping,
  compileMapping,
  importMappingSchema,
  type ImportMapping,
} from './mapping/mapping';
export {
  importTable,
  codedListLimit,
  type CaseClosureChange,
  type CodedOccupation,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type RowIssue,
  type RowOutcome,
} from './import/import-records';
export {
  exportRecords,
  allowAllPeopleExport,
  type ExportOptions,
  type ExportRecord,
  type ExportResult,
  type PeopleExportGuard,
} from './export/export-records';
export { upsertOrganisations, type OrganisationRow } from './write/organisations';
export { makeVacancyBenchFiles, runImportBench } from './bench/import-bench';
export { jsonbKeyOrder } from './write/jsonb-order';
export {
  createOccupationCoder,
  type OccupationCoder,
  type OccupationCoderOptions,
} from './import/occupation-coder';
