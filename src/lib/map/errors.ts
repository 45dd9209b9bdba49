// Error shapes of the map model: field-level codes the UI translates, and the exception a rejected mutation throws.

export const FIELD_ERROR_CODES = [
	'required',
	'invalid_type',
	'too_long',
	'invalid_kind',
	'invalid_number',
	'out_of_range',
	'unknown_field',
	'not_found',
	'unknown_region',
	'unknown_actor',
	'self_link',
	// Schema version 2: the ecosystem fields, the map's catalogues (sectors, custom fields, views), discussion.
	'invalid_choice',
	'invalid_business_id',
	'invalid_url',
	'invalid_date',
	'invalid_range',
	'too_many',
	'too_large',
	'unknown_sector',
	'unknown_custom_field',
	'type_mismatch',
	'unknown_anchor'
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** `field` is a dotted path into the input ('' = the input itself); `message` is plain English for logs and fallbacks. */
export interface FieldError {
	field: string;
	code: FieldErrorCode;
	message: string;
}

export function fieldError(field: string, code: FieldErrorCode, message: string): FieldError {
	return { field, code, message };
}

/** Thrown by MapModel mutations before anything is written, so a rejected call changes nothing. */
export class MapValidationError extends Error {
	readonly code = 'invalid_input';
	readonly errors: FieldError[];

	constructor(errors: FieldError[]) {
		super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(' '));
		this.name = 'MapValidationError';
		this.errors = errors;
	}
}
