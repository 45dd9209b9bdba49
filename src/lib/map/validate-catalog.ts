// Validation of the map's catalogue entries: sectors, custom field definitions and saved views.
import { fieldError, type FieldError } from './errors';
import type {
	CustomFieldInput,
	CustomFieldPatch,
	JsonObject,
	SavedViewInput,
	SavedViewPatch,
	SectorInput,
	SectorPatch,
	Viewport
} from './catalog-schema';
import {
	checkList,
	checkName,
	checkOptionalText,
	checkRecord,
	checkRequiredChoice,
	isPlainObject,
	result,
	textItem,
	type ListRules,
	type ValidationResult
} from './checks';
import { cloneJson, jsonObjectProblem } from './formats';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from './schema';
import {
	CUSTOM_FIELD_TARGETS,
	CUSTOM_FIELD_TYPES,
	MAX_CHOICE_OPTIONS,
	MAX_LAYOUT_LENGTH,
	MAX_OPTION_LENGTH,
	MAX_PAN,
	MAX_VIEW_JSON_DEPTH,
	MAX_VIEW_JSON_LENGTH,
	MAX_ZOOM,
	isCustomFieldTarget,
	isCustomFieldType
} from './vocabulary';

const SECTOR_FIELDS = ['name', 'growth', 'description'] as const;
const FIELD_INPUT_FIELDS = ['name', 'type', 'appliesTo', 'options'] as const;
const FIELD_PATCH_FIELDS = ['name', 'type', 'options'] as const;
const VIEW_FIELDS = ['name', 'filter', 'style', 'layout', 'viewport'] as const;

/** Options are compared exactly: "Kyllä" and "kyllä" would be two options a value could be. */
const OPTION_LIST: ListRules = { max: MAX_CHOICE_OPTIONS, item: textItem(MAX_OPTION_LENGTH) };

function checkBoolean(value: unknown, field: string, errors: FieldError[]): boolean | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'boolean') return value;
	errors.push(fieldError(field, 'invalid_type', `The ${field} flag must be true or false.`));
	return undefined;
}

export function validateSectorInput(input: unknown): ValidationResult<Required<Pick<SectorInput, 'name' | 'growth'>> & { description?: string }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, SECTOR_FIELDS, errors);
	const name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	const growth = checkBoolean(raw.growth, 'growth', errors) ?? false;
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	return result({ name: name!, growth, ...(description && { description }) }, errors);
}

export function validateSectorPatch(input: unknown): ValidationResult<SectorPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, SECTOR_FIELDS, errors);
	const value: SectorPatch = {};
	if (raw.name !== undefined) value.name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	const growth = checkBoolean(raw.growth, 'growth', errors);
	if (growth !== undefined) value.growth = growth;
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	if (description !== undefined) value.description = description;
	return result(value, errors);
}

function isChoiceType(type: unknown): boolean {
	return type === 'choice' || type === 'multi_choice';
}

/** Options are checked as a list; whether the field needs them depends on its (new or stored) type. */
function checkOptions(value: unknown, type: unknown, errors: FieldError[]): string[] | null | undefined {
	const options = checkList(value, 'options', OPTION_LIST, errors);
	if (options && type !== undefined && !isChoiceType(type)) {
		errors.push(fieldError('options', 'unknown_field', 'Only choice fields have options.'));
	}
	return options;
}

function requireOptions(type: unknown, hasOptions: boolean, errors: FieldError[]): void {
	if (isChoiceType(type) && !hasOptions && !errors.some((e) => e.field.startsWith('options'))) {
		errors.push(fieldError('options', 'required', 'A choice field needs at least one option.'));
	}
}

export function validateCustomFieldInput(input: unknown): ValidationResult<CustomFieldInput & { options?: string[] }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, FIELD_INPUT_FIELDS, errors);
	const name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	const type = checkRequiredChoice(raw.type, 'type', CUSTOM_FIELD_TYPES, isCustomFieldType, errors);
	const appliesTo = checkRequiredChoice(raw.appliesTo, 'appliesTo', CUSTOM_FIELD_TARGETS, isCustomFieldTarget, errors);
	const options = checkOptions(raw.options, type, errors);
	requireOptions(type, Boolean(options), errors);
	return result({ name: name!, type: type!, appliesTo: appliesTo!, ...(options && { options }) }, errors);
}

/** `stored` is the field as it is now: a change to a choice type needs options, given now or already stored. */
export function validateCustomFieldPatch(
	input: unknown,
	stored: { type: string; hasOptions: boolean }
): ValidationResult<CustomFieldPatch & { options?: string[] | null }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, FIELD_PATCH_FIELDS, errors);
	const moved = errors.find((error) => error.field === 'appliesTo');
	if (moved) moved.message = 'A field stays with actors or links; create a new field instead.';
	const value: CustomFieldPatch & { options?: string[] | null } = {};
	if (raw.name !== undefined) value.name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	if (raw.type !== undefined) value.type = checkRequiredChoice(raw.type, 'type', CUSTOM_FIELD_TYPES, isCustomFieldType, errors);
	const type = value.type ?? stored.type;
	const options = checkOptions(raw.options, type, errors);
	if (options !== undefined) value.options = options;
	requireOptions(type, raw.options === undefined ? stored.hasOptions : Boolean(options), errors);
	return result(value, errors);
}

function checkJson(value: unknown, field: string, errors: FieldError[]): JsonObject | undefined {
	if (value === undefined) return undefined;
	const problem = jsonObjectProblem(value);
	if (problem === null) return cloneJson(value as JsonObject);
	const messages = {
		invalid_type: `The ${field} must be a plain JSON object.`,
		too_deep: `The ${field} may nest at most ${MAX_VIEW_JSON_DEPTH} levels.`,
		too_large: `The ${field} must be at most ${MAX_VIEW_JSON_LENGTH} characters as JSON.`
	};
	errors.push(fieldError(field, problem === 'invalid_type' ? 'invalid_type' : 'too_large', messages[problem]));
	return undefined;
}

function checkFinite(value: unknown, field: string, max: number, errors: FieldError[], positive = false): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		errors.push(fieldError(field, 'invalid_number', `The ${field} must be a finite number.`));
		return undefined;
	}
	if (Math.abs(value) > max || (positive && value <= 0)) {
		const range = positive ? `above 0 and at most ${max}` : `between -${max} and ${max}`;
		errors.push(fieldError(field, 'out_of_range', `The ${field} must be ${range}.`));
		return undefined;
	}
	return value + 0;
}

function checkViewport(value: unknown, errors: FieldError[]): Viewport | null | undefined {
	if (value === undefined || value === null) return value;
	if (!isPlainObject(value) || !isPlainObject(value.pan)) {
		errors.push(fieldError('viewport', 'invalid_type', 'The viewport must be {zoom, pan: {x, y}}.'));
		return undefined;
	}
	const zoom = checkFinite(value.zoom, 'viewport.zoom', MAX_ZOOM, errors, true);
	const x = checkFinite(value.pan.x, 'viewport.pan.x', MAX_PAN, errors);
	const y = checkFinite(value.pan.y, 'viewport.pan.y', MAX_PAN, errors);
	return zoom === undefined || x === undefined || y === undefined ? undefined : { zoom, pan: { x, y } };
}

function checkViewExtras(raw: Record<string, unknown>, errors: FieldError[]) {
	return {
		filter: checkJson(raw.filter, 'filter', errors),
		style: checkJson(raw.style, 'style', errors),
		layout: checkOptionalText(raw.layout, 'layout', MAX_LAYOUT_LENGTH, errors),
		viewport: checkViewport(raw.viewport, errors)
	};
}

export function validateSavedViewInput(input: unknown): ValidationResult<Required<Pick<SavedViewInput, 'name' | 'filter' | 'style'>> & { layout?: string; viewport?: Viewport }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, VIEW_FIELDS, errors);
	const name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	const { filter, style, layout, viewport } = checkViewExtras(raw, errors);
	return result({ name: name!, filter: filter ?? {}, style: style ?? {}, ...(layout && { layout }), ...(viewport && { viewport }) }, errors);
}

export function validateSavedViewPatch(input: unknown): ValidationResult<SavedViewPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, VIEW_FIELDS, errors);
	const value: SavedViewPatch = {};
	if (raw.name !== undefined) value.name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	for (const [key, checked] of Object.entries(checkViewExtras(raw, errors))) {
		if (checked !== undefined) Object.assign(value, { [key]: checked });
	}
	return result(value, errors);
}
