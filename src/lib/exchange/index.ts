// Public API of import and export: parse a file, suggest a mapping, plan (the preview), apply in one transaction, export.
export * from './types';
export { parseImportFile, formatOfFileName } from './parse';
export type { ParseOptions } from './parse';
export { suggestMapping, distinctMappedValues } from './mapping';
export { planImport } from './plan';
export type { PlanOptions } from './plan';
export { applyImportPlan } from './apply';
export { exportMap, baseNameOf, EXPORT_MIME_TYPES } from './export';
export type { ExportOptions } from './export';
export { IMPORT_ERROR_CODES } from './errors';
export type { ImportErrorCode } from './errors';
export { CANONICAL_COLUMNS } from './columns';
export { suggestValue } from './values';
export type { ValueKind } from './values';
export * from './limits';
