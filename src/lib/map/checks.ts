// Building blocks of input validation: each checks one value, pushes field errors and returns the normalised value.
import { fieldError, type FieldError } from './errors';
import { MAX_ID_LENGTH } from './schema';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Values Yjs stores as-is (ContentAny) arrive as plain objects; class instances are not records. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

export function result<T>(value: T, errors: FieldError[]): ValidationResult<T> {
	return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

/** Unknown keys are rejected: a misspelt field name would otherwise be dropped without a word. */
export function checkRecord(input: unknown, allowed: readonly string[], errors: FieldError[]): Record<string, unknown> {
	if (!isPlainObject(input)) {
		errors.push(fieldError('', 'invalid_type', 'Expected an object with named fields.'));
		return {};
	}
	for (const key of Object.keys(input)) {
		if (!allowed.includes(key)) errors.push(fieldError(key, 'unknown_field', `Unknown field "${key}".`));
	}
	return input;
}

/** A required text (name): trimmed, non-empty, bounded. */
export function checkName(value: unknown, field: string, max: number, errors: FieldError[]): string | undefined {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		errors.push(fieldError(field, 'invalid_type', `The ${field} must be text.`));
		return undefined;
	}
	const text = (value ?? '').trim();
	if (text === '') {
		errors.push(fieldError(field, 'required', `The ${field} is required.`));
		return undefined;
	}
	if (text.length > max) {
		// .length counts UTF-16 units, as the browser's maxlength attribute does.
		errors.push(fieldError(field, 'too_long', `The ${field} must be at most ${max} characters.`));
		return undefined;
	}
	return text;
}

/** An optional text: undefined = leave as is, null = remove (blank text counts as removal). */
export function checkOptionalText(value: unknown, field: string, max: number, errors: FieldError[]): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== 'string') {
		errors.push(fieldError(field, 'invalid_type', `The ${field} must be text.`));
		return undefined;
	}
	const text = value.trim();
	if (text === '') return null;
	if (text.length > max) {
		errors.push(fieldError(field, 'too_long', `The ${field} must be at most ${max} characters.`));
		return undefined;
	}
	return text;
}

export function checkKind<K extends string>(
	value: unknown,
	kinds: readonly K[],
	isKind: (v: unknown) => v is K,
	errors: FieldError[]
): K | undefined {
	if (value === undefined || value === null || value === '') {
		errors.push(fieldError('kind', 'required', 'The kind is required.'));
		return undefined;
	}
	if (!isKind(value)) {
		errors.push(fieldError('kind', 'invalid_kind', `The kind must be one of: ${kinds.join(', ')}.`));
		return undefined;
	}
	return value;
}

/** A required choice from a fixed list (e.g. a custom field's type). */
export function checkRequiredChoice<K extends string>(
	value: unknown,
	field: string,
	choices: readonly K[],
	isChoice: (v: unknown) => v is K,
	errors: FieldError[]
): K | undefined {
	if (value === undefined || value === null || value === '') {
		errors.push(fieldError(field, 'required', `The ${field} is required.`));
		return undefined;
	}
	return checkChoice(value, field, choices, isChoice, errors) ?? undefined;
}

/** An optional choice: undefined = leave as is, null or '' (an unselected <select>) = remove. */
export function checkChoice<K extends string>(
	value: unknown,
	field: string,
	choices: readonly K[],
	isChoice: (v: unknown) => v is K,
	errors: FieldError[]
): K | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || value === '') return null;
	if (!isChoice(value)) {
		errors.push(fieldError(field, 'invalid_choice', `The ${field} must be one of: ${choices.join(', ')}.`));
		return undefined;
	}
	return value;
}

/** Only the shape of an id is checked here; whether it exists is the model's job. */
export function checkId(value: unknown, field: string, errors: FieldError[]): string | undefined {
	if (value === undefined || value === null || value === '') {
		errors.push(fieldError(field, 'required', `The ${field} is required.`));
		return undefined;
	}
	if (typeof value !== 'string') {
		errors.push(fieldError(field, 'invalid_type', `The ${field} must be an id (text).`));
		return undefined;
	}
	if (value.length > MAX_ID_LENGTH) {
		errors.push(fieldError(field, 'too_long', `The ${field} must be at most ${MAX_ID_LENGTH} characters.`));
		return undefined;
	}
	return value;
}

export interface ListRules {
	/** At most this many distinct items. */
	max: number;
	/** Treat items differing only in case as duplicates (free-text tags); ids and vocabularies compare exactly. */
	foldCase?: boolean;
	/** Checks and normalises one item; returns undefined (after pushing an error) to reject it, '' to skip it. */
	item(value: unknown, field: string, errors: FieldError[]): string | undefined;
}

/**
 * A list of strings stored as one value: undefined = leave as is, null or an empty list = remove.
 * Duplicates (after normalising) are dropped, keeping the first one.
 */
export function checkList(value: unknown, field: string, rules: ListRules, errors: FieldError[]): string[] | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (!Array.isArray(value)) {
		errors.push(fieldError(field, 'invalid_type', `The ${field} must be a list.`));
		return undefined;
	}
	const before = errors.length;
	const seen = new Set<string>();
	const items: string[] = [];
	value.forEach((raw: unknown, index) => {
		const item = rules.item(raw, `${field}.${index}`, errors);
		if (item === undefined || item === '') return;
		const key = rules.foldCase ? item.toLowerCase() : item;
		if (seen.has(key)) return;
		seen.add(key);
		items.push(item);
	});
	if (items.length > rules.max) {
		errors.push(fieldError(field, 'too_many', `The ${field} may have at most ${rules.max} entries.`));
	}
	if (errors.length > before) return undefined;
	return items.length === 0 ? null : items;
}

/** List item: free text, trimmed; blank items are skipped. */
export function textItem(maxLength: number): ListRules['item'] {
	return (value, field, errors) => {
		if (typeof value !== 'string') {
			errors.push(fieldError(field, 'invalid_type', `Each entry of ${field.replace(/\.\d+$/, '')} must be text.`));
			return undefined;
		}
		const text = value.trim();
		if (text.length > maxLength) {
			errors.push(fieldError(field, 'too_long', `An entry must be at most ${maxLength} characters.`));
			return undefined;
		}
		return text;
	};
}

/** List item: one of a fixed vocabulary. */
export function choiceItem<K extends string>(choices: readonly K[], isChoice: (v: unknown) => v is K): ListRules['item'] {
	return (value, field, errors) => {
		if (isChoice(value)) return value;
		errors.push(fieldError(field, 'invalid_choice', `Each entry must be one of: ${choices.join(', ')}.`));
		return undefined;
	};
}

/** List item: an id (its existence is checked by the model). */
export const idItem: ListRules['item'] = (value, field, errors) => checkId(value, field, errors);
