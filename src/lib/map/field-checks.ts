// Input checks of the version-2 element fields: Business ID, website, lists, link strength and years, custom values' shape.
import { fieldError, type FieldError } from './errors';
import { checkId, checkList, choiceItem, idItem, isPlainObject, textItem, type ListRules } from './checks';
import { parseBusinessId, parseWebUrl } from './formats';
import type { CustomValueInput, YearRange } from './schema';
import {
	ACTOR_ROLES,
	MAX_ACTOR_SECTORS,
	MAX_LINK_STRENGTH,
	MAX_TAGS,
	MAX_TAG_LENGTH,
	MAX_YEAR,
	MIN_LINK_STRENGTH,
	MIN_YEAR,
	isActorRole
} from './vocabulary';

export const ROLE_LIST: ListRules = { max: ACTOR_ROLES.length, item: choiceItem(ACTOR_ROLES, isActorRole) };
export const SECTOR_LIST: ListRules = { max: MAX_ACTOR_SECTORS, item: idItem };
export const TAG_LIST: ListRules = { max: MAX_TAGS, foldCase: true, item: textItem(MAX_TAG_LENGTH) };

/** undefined = leave as is; null or blank = remove; otherwise the canonical NNNNNNN-C. */
export function checkBusinessId(value: unknown, errors: FieldError[]): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
	if (typeof value !== 'string') {
		errors.push(fieldError('businessId', 'invalid_type', 'The Business ID must be text.'));
		return undefined;
	}
	const parsed = parseBusinessId(value);
	if (parsed.ok) return parsed.value;
	const message =
		parsed.problem === 'format'
			? 'The Business ID must look like 1234567-8.'
			: 'The Business ID has a wrong check digit; check it for typing errors.';
	errors.push(fieldError('businessId', 'invalid_business_id', message));
	return undefined;
}

export function checkWebsite(value: unknown, errors: FieldError[]): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
	if (typeof value !== 'string') {
		errors.push(fieldError('website', 'invalid_type', 'The website must be text.'));
		return undefined;
	}
	const url = parseWebUrl(value);
	if (url === null) errors.push(fieldError('website', 'invalid_url', 'The website must be an http or https address.'));
	return url ?? undefined;
}

export function checkStrength(value: unknown, errors: FieldError[]): number | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		errors.push(fieldError('strength', 'invalid_number', 'The strength must be a whole number.'));
		return undefined;
	}
	if (value < MIN_LINK_STRENGTH || value > MAX_LINK_STRENGTH) {
		const message = `The strength must be from ${MIN_LINK_STRENGTH} to ${MAX_LINK_STRENGTH}.`;
		errors.push(fieldError('strength', 'out_of_range', message));
		return undefined;
	}
	return value;
}

function checkYear(value: unknown, field: string, errors: FieldError[]): number | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		errors.push(fieldError(field, 'invalid_number', 'A year must be a whole number.'));
		return undefined;
	}
	if (value < MIN_YEAR || value > MAX_YEAR) {
		errors.push(fieldError(field, 'out_of_range', `A year must be from ${MIN_YEAR} to ${MAX_YEAR}.`));
		return undefined;
	}
	return value;
}

/** `{from?, to?}` with from <= to; an object with neither year counts as removal. */
export function checkYears(value: unknown, errors: FieldError[]): YearRange | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (!isPlainObject(value)) {
		errors.push(fieldError('years', 'invalid_type', 'The years must be an object {from, to}.'));
		return undefined;
	}
	const before = errors.length;
	for (const key of Object.keys(value)) {
		if (key !== 'from' && key !== 'to') errors.push(fieldError(`years.${key}`, 'unknown_field', `Unknown field "${key}".`));
	}
	const from = checkYear(value.from, 'years.from', errors);
	const to = checkYear(value.to, 'years.to', errors);
	if (typeof from === 'number' && typeof to === 'number' && from > to) {
		errors.push(fieldError('years', 'invalid_range', 'The first year must not be after the last.'));
	}
	if (errors.length > before) return undefined;
	if (from === null && to === null) return null;
	return { ...(from !== null && { from: from! }), ...(to !== null && { to: to! }) };
}

/**
 * The shape of `custom` in an input: field id -> value or null. Values are checked against their
 * field's definition by the model, which knows the definitions.
 */
export function checkCustomValues(value: unknown, errors: FieldError[]): Record<string, unknown> | undefined {
	if (value === undefined) return undefined;
	if (!isPlainObject(value)) {
		errors.push(fieldError('custom', 'invalid_type', 'The custom values must be an object {fieldId: value}.'));
		return undefined;
	}
	const values: Record<string, unknown> = {};
	for (const [fieldId, fieldValue] of Object.entries(value)) {
		if (checkId(fieldId, `custom.${fieldId}`, errors) === undefined || fieldValue === undefined) continue;
		values[fieldId] = fieldValue as CustomValueInput | null;
	}
	return values;
}

export { checkList };
