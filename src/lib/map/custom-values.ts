// Custom field values: what fits a field's type, checked on input and again on every read (fields can change type).
import { fieldError, type FieldError, type FieldErrorCode } from './errors';
import type { CustomFieldView } from './catalog-schema';
import { isPlainObject, result, type ValidationResult } from './checks';
import { isIsoDate, isValidWebUrl, parseWebUrl } from './formats';
import type { CustomValue } from './schema';
import { MAX_CUSTOM_TEXT_LENGTH, type CustomFieldTarget } from './vocabulary';

/** What a value needs from its field definition. */
export type CustomFieldShape = Pick<CustomFieldView, 'type' | 'options'>;

const EXPECTED: Record<string, string> = {
	text: 'text',
	number: 'a number',
	date: 'a date (yyyy-mm-dd)',
	choice: 'one of the options',
	multi_choice: 'a list of options',
	url: 'a web address (http or https)'
};

/** Why a (normalised) value does not fit the field, or null when it does. Unknown types accept anything. */
function misfit(field: CustomFieldShape, value: CustomValue): { code: FieldErrorCode; message: string } | null {
	const options = field.options ?? [];
	const mismatch = { code: 'type_mismatch' as const, message: `The value must be ${EXPECTED[field.type] ?? 'valid'}.` };
	switch (field.type) {
		case 'text':
			if (typeof value !== 'string') return mismatch;
			if (value.length > MAX_CUSTOM_TEXT_LENGTH) {
				return { code: 'too_long', message: `The value must be at most ${MAX_CUSTOM_TEXT_LENGTH} characters.` };
			}
			return null;
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? null : mismatch;
		case 'date':
			if (typeof value !== 'string') return mismatch;
			return isIsoDate(value) ? null : { code: 'invalid_date', message: 'The date must be a real date written yyyy-mm-dd.' };
		case 'choice':
			if (typeof value !== 'string') return mismatch;
			return options.includes(value) ? null : { code: 'invalid_choice', message: `"${value}" is not one of the field's options.` };
		case 'multi_choice': {
			if (!Array.isArray(value)) return mismatch;
			const stray = value.find((item) => !options.includes(item));
			return stray === undefined ? null : { code: 'invalid_choice', message: `"${stray}" is not one of the field's options.` };
		}
		case 'url':
			if (typeof value !== 'string') return mismatch;
			return isValidWebUrl(value) ? null : { code: 'invalid_url', message: 'The value must be an http or https address.' };
		default:
			return null;
	}
}

/** Trims texts and list items, drops blank and repeated items; '' and [] become null (= no value). */
function normalise(field: CustomFieldShape, value: unknown): unknown {
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return null;
		return field.type === 'url' ? (parseWebUrl(text) ?? text) : text;
	}
	if (Array.isArray(value)) {
		const items = value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item));
		const unique = [...new Set(items)].filter((item) => item !== '');
		return unique.length === 0 ? null : unique;
	}
	return value;
}

/** Validates an input value for the field; the result null means "remove the value". */
export function validateCustomValue(field: CustomFieldShape, value: unknown, path = 'value'): ValidationResult<CustomValue | null> {
	const errors: FieldError[] = [];
	const normal = normalise(field, value);
	if (normal === null || normal === undefined) return result(null, errors);
	const isList = Array.isArray(normal) && normal.every((item) => typeof item === 'string');
	if (typeof normal !== 'string' && !(typeof normal === 'number' && Number.isFinite(normal)) && !isList) {
		errors.push(fieldError(path, 'invalid_type', `The value must be ${EXPECTED[field.type] ?? 'text, a number or a list'}.`));
		return result(null, errors);
	}
	const problem = misfit(field, normal as CustomValue);
	if (problem) {
		// On input a wrong type is the caller's mistake; 'type_mismatch' is for stored values after a type change.
		errors.push(fieldError(path, problem.code === 'type_mismatch' ? 'invalid_type' : problem.code, problem.message));
	}
	return result(normal as CustomValue, errors);
}

function isShowable(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A stored value as readers show it. `definition` undefined = no such field (deleted, maybe
 * concurrently); null = no field lookup available, so only the value's shape is checked.
 */
export function readCustomValue(
	fieldId: string,
	value: unknown,
	definition: CustomFieldView | undefined | null,
	elementKind: CustomFieldTarget,
	issues: FieldError[]
): CustomValue | undefined {
	const path = `custom.${fieldId}`;
	let shown: CustomValue | undefined;
	if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) shown = value;
	else if (isShowable(value)) {
		shown = String(value);
		issues.push(fieldError(path, 'invalid_type', 'The value is neither text, a number nor a list.'));
	} else if (Array.isArray(value)) {
		shown = value.filter(isShowable).map(String);
		if (shown.length !== value.length || value.some((item) => typeof item !== 'string')) {
			issues.push(fieldError(path, 'invalid_type', 'The list has entries that are not text.'));
		}
	} else {
		const what = isPlainObject(value) ? 'an object' : 'not a plain value';
		issues.push(fieldError(path, 'invalid_type', `The stored value is ${what}.`));
		return undefined;
	}
	if (definition === null) return shown;
	if (definition === undefined) {
		issues.push(fieldError(path, 'unknown_custom_field', 'The custom field no longer exists.'));
	} else if (definition.appliesTo !== elementKind) {
		issues.push(fieldError(path, 'unknown_custom_field', `The custom field "${definition.name}" is not for this kind of element.`));
	} else {
		const problem = misfit(definition, shown);
		if (problem) issues.push(fieldError(path, problem.code, problem.message));
	}
	return shown;
}
