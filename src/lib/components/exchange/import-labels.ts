// The import dialog's words: column targets, value-mapping fields, progress phases and row errors, in the user's language.
import { m } from '$lib/paraglide/messages';
import type { CustomFieldView } from '$lib/map';
import type { ActorColumnTarget, LinkColumnTarget, RowError, ValueMapping } from '$lib/exchange/types';
import { fieldName } from '$lib/components/editor/labels';

const TARGET_NAMES: Record<string, () => string> = {
	id: m.import_target_id,
	x: m.import_target_x,
	y: m.import_target_y,
	yearFrom: m.fields_year_from,
	yearTo: m.fields_year_to,
	newField: m.import_target_new_field,
	ignore: m.import_target_ignore
};

/** A column target in words: the model's field names, custom fields by their definitions. */
export function targetName(target: ActorColumnTarget | LinkColumnTarget, fields: readonly CustomFieldView[]): string {
	if (target.startsWith('field:')) {
		const id = target.slice('field:'.length);
		return m.import_target_custom({ name: fields.find((field) => field.id === id)?.name ?? id });
	}
	return TARGET_NAMES[target]?.() ?? fieldName(target) ?? target;
}

export type ValueField = keyof ValueMapping;

const VALUE_FIELD_NAMES: Record<ValueField, () => string> = {
	actorKind: m.editor_field_kind,
	role: m.fields_roles,
	sizeClass: m.fields_size_class,
	linkKind: m.editor_link_kind,
	direction: m.fields_direction,
	status: m.fields_status
};

export const valueFieldName = (field: ValueField): string => VALUE_FIELD_NAMES[field]();

const PHASE_TEXT: Record<'read' | 'plan', (values: { percent: string }) => string> = {
	read: m.import_phase_read,
	plan: m.import_phase_plan
};

/** Progress is spoken in steps of this many percent, so a screen reader is not flooded. */
export const SPOKEN_PROGRESS_STEP = 10;

export function phaseText(phase: 'read' | 'plan' | 'write', done: number, total: number): string {
	// `done` parts are written and the next is being written; a small import is one part, so the line only says it runs.
	if (phase === 'write') return total > 1 ? m.import_phase_write_parts({ part: String(Math.min(done + 1, total)), total: String(total) }) : m.import_phase_write();
	const percent = total > 0 ? Math.floor((done / total) * 100 / SPOKEN_PROGRESS_STEP) * SPOKEN_PROGRESS_STEP : 0;
	return PHASE_TEXT[phase]({ percent: String(percent) });
}

/** One text per import error code (tests/unit checks that none of the core's codes is missing). */
export const IMPORT_ERROR_TEXT: Record<string, () => string> = {
	empty_file: m.import_error_empty_file,
	file_too_large: m.import_error_file_too_large,
	unknown_format: m.import_error_unknown_format,
	bad_encoding: m.import_error_bad_encoding,
	malformed_file: m.import_error_malformed_file,
	malformed_xml: m.import_error_malformed_file,
	malformed_json: m.import_error_malformed_file,
	unsafe_xml: m.import_error_unsafe_xml,
	missing_sheet: m.import_error_missing_sheet,
	missing_column: m.import_error_missing_column,
	duplicate_column: m.import_error_duplicate_column,
	too_many_rows: m.import_error_too_many_rows,
	too_many_columns: m.import_error_too_many_columns,
	cell_too_long: m.import_error_cell_too_long,
	formula_cell: m.import_error_formula_cell,
	schema_too_new: m.import_error_schema_too_new,
	invalid_mapping: m.import_error_invalid_mapping,
	invalid_value: m.import_error_invalid_value,
	unmapped_value: m.import_error_unmapped_value,
	duplicate_row: m.import_error_duplicate_row,
	unknown_endpoint: m.import_error_unknown_endpoint,
	ambiguous_endpoint: m.import_error_ambiguous_endpoint,
	endpoint_refused: m.import_error_endpoint_refused,
	stale_plan: m.import_error_stale_plan,
	// The dialog's own: the worker failed or lost the file.
	internal_error: m.import_error_internal,
	no_file: m.import_error_internal
};

/** The reason in the user's language; a code this version does not know shows the core's English message. */
export function importErrorText(error: Pick<RowError, 'code' | 'message'>): string {
	return IMPORT_ERROR_TEXT[error.code]?.() ?? error.message;
}
