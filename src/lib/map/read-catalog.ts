// Tolerant readers of the map's catalogues: sectors, custom field definitions and saved views.
import type { CustomFieldView, JsonObject, SavedView, SectorView, Viewport } from './catalog-schema';
import { isPlainObject } from './checks';
import { fieldError, type FieldError } from './errors';
import { cloneJson, jsonObjectProblem } from './formats';
import { fieldsOf, readChoice, readFlag, readOptionalText, readRequiredText, readStringList } from './read-values';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from './schema';
import {
	CHOICE_FIELD_TYPES,
	MAX_CHOICE_OPTIONS,
	MAX_LAYOUT_LENGTH,
	MAX_OPTION_LENGTH,
	MAX_PAN,
	MAX_ZOOM,
	isCustomFieldTarget,
	isCustomFieldType,
	type CustomFieldType
} from './vocabulary';

export function readSector(id: string, value: unknown): SectorView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const name = readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues);
	const growth = readFlag(get('growth'), 'growth', issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	return { id, name, growth, ...(description !== undefined && { description }), issues };
}

function readRequiredChoice(value: unknown, field: string, isChoice: (v: unknown) => boolean, missing: string, issues: FieldError[]): string {
	if (value === undefined || value === null || value === '') {
		issues.push(fieldError(field, 'required', missing));
		return '';
	}
	return readChoice(value, field, isChoice, issues) ?? '';
}

/** Unknown types and targets are kept verbatim (a newer client may know them); values of such a field are shown unchecked. */
export function readCustomField(id: string, value: unknown): CustomFieldView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const name = readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues);
	const type = readRequiredChoice(get('type'), 'type', isCustomFieldType, 'The type is missing.', issues);
	const appliesTo = readRequiredChoice(get('appliesTo'), 'appliesTo', isCustomFieldTarget, 'It is not said whether the field is for actors or links.', issues);
	const options = readStringList(get('options'), 'options', { max: MAX_CHOICE_OPTIONS, maxLength: MAX_OPTION_LENGTH }, issues);
	if (CHOICE_FIELD_TYPES.includes(type as CustomFieldType) && options === undefined) {
		issues.push(fieldError('options', 'required', 'The choice field has no options.'));
	}
	return { id, name, type, appliesTo, ...(options !== undefined && { options }), issues };
}

/** Filter and style are copied; one that is not plain JSON reads as {} (flagged), one over the size cap is kept (flagged). */
function readJson(value: unknown, field: string, issues: FieldError[]): JsonObject {
	if (value === undefined || value === null) return {};
	const problem = jsonObjectProblem(value);
	if (problem === 'invalid_type' || problem === 'too_deep') {
		const code = problem === 'invalid_type' ? 'invalid_type' : 'too_large';
		issues.push(fieldError(field, code, `The ${field} is not a plain JSON object within the limits.`));
		return {};
	}
	if (problem === 'too_large') issues.push(fieldError(field, 'too_large', `The ${field} is larger than allowed.`));
	return cloneJson(value as JsonObject);
}

function readViewport(value: unknown, issues: FieldError[]): Viewport | undefined {
	if (value === undefined || value === null) return undefined;
	const pan = isPlainObject(value) ? value.pan : undefined;
	const numbers = isPlainObject(value) && isPlainObject(pan) ? [value.zoom, pan.x, pan.y] : [];
	if (numbers.length === 0 || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
		issues.push(fieldError('viewport', 'invalid_type', 'The viewport is not {zoom, pan: {x, y}} with finite numbers.'));
		return undefined;
	}
	const [zoom, x, y] = numbers as [number, number, number];
	if (zoom <= 0 || zoom > MAX_ZOOM || Math.abs(x) > MAX_PAN || Math.abs(y) > MAX_PAN) {
		issues.push(fieldError('viewport', 'out_of_range', 'The viewport zoom or pan is out of range.'));
	}
	return { zoom, pan: { x, y } };
}

export function readSavedView(id: string, value: unknown): SavedView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const name = readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues);
	const filter = readJson(get('filter'), 'filter', issues);
	const style = readJson(get('style'), 'style', issues);
	const layout = readOptionalText(get('layout'), 'layout', MAX_LAYOUT_LENGTH, issues);
	const viewport = readViewport(get('viewport'), issues);
	return {
		id,
		name,
		filter,
		style,
		...(layout !== undefined && { layout }),
		...(viewport !== undefined && { viewport }),
		issues
	};
}
