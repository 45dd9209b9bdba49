// Tolerant readers of single stored values: each returns something showable and lists what is wrong, never throws.
import * as Y from 'yjs';
import { fieldError, type FieldError } from './errors';
import { isPlainObject } from './checks';
import { isValidBusinessId, isValidWebUrl } from './formats';
import { DEFAULT_POSITION, MAX_COORDINATE, type Position, type YearRange } from './schema';
import { MAX_LINK_STRENGTH, MAX_YEAR, MIN_LINK_STRENGTH, MIN_YEAR } from './vocabulary';

export type Getter = (key: string) => unknown;

/**
 * Elements should be nested Y.Maps. A plain object (e.g. written by a careless script) is still
 * read, so its data is visible, but flagged: its fields cannot be edited one by one.
 */
export function fieldsOf(value: unknown, issues: FieldError[]): Getter {
	if (value instanceof Y.Map) return (key) => value.get(key);
	if (isPlainObject(value)) {
		issues.push(fieldError('', 'invalid_type', 'Stored as a plain object instead of a Y.Map.'));
		return (key) => value[key];
	}
	issues.push(fieldError('', 'invalid_type', 'Stored value is not a record.'));
	return () => undefined;
}

export function isPrimitive(value: unknown): value is number | boolean | bigint {
	return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** A required text; a number or boolean is shown as text rather than hidden. */
export function readRequiredText(value: unknown, field: string, max: number, issues: FieldError[]): string {
	if (value === undefined || value === null) {
		issues.push(fieldError(field, 'required', `The ${field} is missing.`));
		return '';
	}
	if (typeof value !== 'string') {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not text.`));
		return isPrimitive(value) ? String(value) : '';
	}
	if (value.trim() === '') issues.push(fieldError(field, 'required', `The ${field} is empty.`));
	if (value.length > max) issues.push(fieldError(field, 'too_long', `The ${field} is longer than ${max} characters.`));
	return value;
}

/** An optional text; null counts as absent because scripts commonly write it for "none". */
export function readOptionalText(value: unknown, field: string, max: number, issues: FieldError[]): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not text.`));
		return isPrimitive(value) ? String(value) : undefined;
	}
	if (value.length > max) issues.push(fieldError(field, 'too_long', `The ${field} is longer than ${max} characters.`));
	return value;
}

/** An unknown kind is kept verbatim: it may come from a newer client and must not be lost. */
export function readKind(value: unknown, isKind: (v: unknown) => boolean, issues: FieldError[]): string {
	if (value === undefined || value === null || value === '') {
		issues.push(fieldError('kind', 'required', 'The kind is missing.'));
		return '';
	}
	if (!isKind(value)) {
		issues.push(fieldError('kind', 'invalid_kind', `Unknown kind "${String(value)}".`));
		return typeof value === 'string' || isPrimitive(value) ? String(value) : '';
	}
	return value as string;
}

/** An optional value from a fixed list (size class, link status...); an unknown one is kept verbatim, as kinds are. */
export function readChoice(value: unknown, field: string, isChoice: (v: unknown) => boolean, issues: FieldError[]): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (isChoice(value)) return value as string;
	issues.push(fieldError(field, 'invalid_choice', `Unknown ${field} "${String(value)}".`));
	return typeof value === 'string' || isPrimitive(value) ? String(value) : undefined;
}

function readCoordinate(value: unknown, field: string, issues: FieldError[]): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		issues.push(fieldError(field, 'invalid_number', `The ${field} coordinate is not a finite number.`));
		return 0;
	}
	// Kept as stored so the element can still be found and dragged back; only reported.
	if (Math.abs(value) > MAX_COORDINATE) {
		issues.push(fieldError(field, 'out_of_range', `The ${field} coordinate is outside ±${MAX_COORDINATE}.`));
	}
	return value;
}

/** Always returns a fresh object, so callers cannot mutate the value held inside Yjs. */
export function readPosition(value: unknown, issues: FieldError[]): Position {
	if (value === undefined || value === null) {
		issues.push(fieldError('pos', 'required', 'The position is missing.'));
		return { ...DEFAULT_POSITION };
	}
	if (!isPlainObject(value)) {
		issues.push(fieldError('pos', 'invalid_type', 'The position is not an object {x, y}.'));
		return { ...DEFAULT_POSITION };
	}
	return { x: readCoordinate(value.x, 'pos.x', issues), y: readCoordinate(value.y, 'pos.y', issues) };
}

export function readReference(value: unknown, field: string, issues: FieldError[]): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value === '') {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not an id.`));
		return undefined;
	}
	return value;
}

export function readCreatedAt(value: unknown, issues: FieldError[]): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value === undefined) issues.push(fieldError('createdAt', 'required', 'The creation time is missing.'));
	else issues.push(fieldError('createdAt', 'invalid_number', 'The creation time is not a number.'));
	return 0;
}

/** A link's optional creation time: absent is valid (older links have none), a non-number is flagged. */
export function readOptionalCreatedAt(value: unknown, issues: FieldError[]): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	issues.push(fieldError('createdAt', 'invalid_number', 'The creation time is not a number.'));
	return undefined;
}

export interface StoredListRules {
	max: number;
	maxLength?: number;
	/** Flags an item that is not allowed (unknown role, deleted sector); the item is still shown. */
	check?: (item: string, field: string, issues: FieldError[]) => void;
}

/** A stored list of strings, copied; an empty list reads as absent. A lone string is shown as a one-item list. */
export function readStringList(value: unknown, field: string, rules: StoredListRules, issues: FieldError[]): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not a list.`));
		return typeof value === 'string' && value !== '' ? [value] : undefined;
	}
	const items = value.filter((item) => typeof item === 'string' || isPrimitive(item)).map(String);
	if (items.length !== value.length || value.some((item) => typeof item !== 'string')) {
		issues.push(fieldError(field, 'invalid_type', `The ${field} has entries that are not text.`));
	}
	if (items.length > rules.max) issues.push(fieldError(field, 'too_many', `The ${field} has more than ${rules.max} entries.`));
	const max = rules.maxLength;
	if (max !== undefined && items.some((item) => item.length > max)) {
		issues.push(fieldError(field, 'too_long', `An entry of ${field} is longer than ${max} characters.`));
	}
	for (const item of items) rules.check?.(item, field, issues);
	return items.length === 0 ? undefined : items;
}

export function readBusinessId(value: unknown, issues: FieldError[]): string | undefined {
	const text = readOptionalText(value, 'businessId', Number.MAX_SAFE_INTEGER, issues);
	if (text !== undefined && !isValidBusinessId(text)) {
		issues.push(fieldError('businessId', 'invalid_business_id', 'The Business ID is not a valid NNNNNNN-C.'));
	}
	return text;
}

/** The UI must not make an invalid website a clickable link: it may be javascript: or worse. */
export function readWebsite(value: unknown, issues: FieldError[]): string | undefined {
	const text = readOptionalText(value, 'website', Number.MAX_SAFE_INTEGER, issues);
	if (text !== undefined && !isValidWebUrl(text)) {
		issues.push(fieldError('website', 'invalid_url', 'The website is not an http or https address.'));
	}
	return text;
}

/** A number is kept even when out of range or fractional (and flagged); anything else is dropped and flagged. */
export function readStrength(value: unknown, issues: FieldError[]): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		issues.push(fieldError('strength', 'invalid_number', 'The strength is not a number.'));
		return undefined;
	}
	if (!Number.isInteger(value) || value < MIN_LINK_STRENGTH || value > MAX_LINK_STRENGTH) {
		issues.push(fieldError('strength', 'out_of_range', `The strength is not a whole number from ${MIN_LINK_STRENGTH} to ${MAX_LINK_STRENGTH}.`));
	}
	return value;
}

export function readYears(value: unknown, issues: FieldError[]): YearRange | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) {
		issues.push(fieldError('years', 'invalid_type', 'The years are not an object {from, to}.'));
		return undefined;
	}
	const years: YearRange = {};
	for (const end of ['from', 'to'] as const) {
		const year = value[end];
		if (year === undefined || year === null) continue;
		if (typeof year !== 'number' || !Number.isFinite(year)) {
			issues.push(fieldError(`years.${end}`, 'invalid_number', 'The year is not a number.'));
			continue;
		}
		if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
			issues.push(fieldError(`years.${end}`, 'out_of_range', `The year is not a whole year from ${MIN_YEAR} to ${MAX_YEAR}.`));
		}
		years[end] = year;
	}
	if (years.from !== undefined && years.to !== undefined && years.from > years.to) {
		issues.push(fieldError('years', 'invalid_range', 'The first year is after the last.'));
	}
	return years.from === undefined && years.to === undefined ? undefined : years;
}

/** A flag; absent reads as false (no issue), anything but a boolean as false with an issue. */
export function readFlag(value: unknown, field: string, issues: FieldError[]): boolean {
	if (typeof value === 'boolean') return value;
	if (value !== undefined && value !== null) issues.push(fieldError(field, 'invalid_type', `The ${field} flag is not true or false.`));
	return false;
}
