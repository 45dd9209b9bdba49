// Public API of the map model: schema, validation, readers, the MapModel class, migrations and the demo map.
// The discussion document (comments, annotations) has its own entry point: $lib/map/discussion.
export * from './schema';
export * from './vocabulary';
export type * from './catalog-schema';
export { FIELD_ERROR_CODES, MapValidationError, fieldError } from './errors';
export type { FieldError, FieldErrorCode } from './errors';
export {
	validateActorInput,
	validateActorPatch,
	validateLinkInput,
	validateLinkPatch,
	validatePosition,
	validateRegionInput,
	validateRegionPatch,
	validateTitle
} from './validate';
export type { ValidationResult, ValidActorInput, ValidLinkInput } from './validate';
export {
	validateCustomFieldInput,
	validateCustomFieldPatch,
	validateSavedViewInput,
	validateSavedViewPatch,
	validateSectorInput,
	validateSectorPatch
} from './validate-catalog';
export { validateCustomValue, readCustomValue } from './custom-values';
export type { CustomFieldShape } from './custom-values';
export {
	BUSINESS_ID_WEIGHTS,
	businessIdCheckDigit,
	isIsoDate,
	isValidBusinessId,
	isValidWebUrl,
	jsonObjectProblem,
	parseBusinessId,
	parseWebUrl
} from './formats';
export type { BusinessIdResult, JsonProblem } from './formats';
export { readActor, readLink, readMeta, readPosition, readRegion } from './read';
export type { ReadContext } from './read';
export { readCustomField, readSavedView, readSector } from './read-catalog';
export { mapParts, undoScope } from './doc';
export type { MapParts } from './doc';
export { newId } from './ids';
export { MapModel } from './model';
export type { CleanupReport, MapModelOptions } from './model';
export type { MapChange } from './observe';
export { MAINTENANCE_ORIGIN } from './cleanup';
export {
	MIGRATIONS,
	MIGRATION_ORIGIN,
	SchemaTooNewError,
	SchemaVersionInvalidError,
	assertSchemaSupported,
	initializeDocument,
	migrateDocument,
	schemaVersionOf
} from './migrations';
export type { Migration } from './migrations';
export { DEMO_TITLE, populateDemoMap } from './demo';
export type { DemoSummary } from './demo';
export { restoreGraphTo, RESTORED_MAPS } from './restore';
export { compareSnapshots } from './compare';
export { mapOverview, parseMapOverview, OVERVIEW_ELEMENTS_HEADER, OVERVIEW_VERSION } from './overview';
export type { MapOverview } from './overview';
export type { MapDiff, CollectionDiff, ElementChange } from './compare';
