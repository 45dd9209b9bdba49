// Validation of values entering the map model (forms, API bodies, scripts): checked and normalised before anything is written.
import { fieldError, type FieldError } from './errors';
import {
	ACTOR_KINDS,
	LINK_KINDS,
	MAX_COORDINATE,
	MAX_DESCRIPTION_LENGTH,
	MAX_ID_LENGTH,
	MAX_NAME_LENGTH,
	MAX_TITLE_LENGTH,
	isActorKind,
	isLinkKind,
	type ActorInput,
	type ActorPatch,
	type LinkInput,
	type LinkPatch,
	type Position,
	type RegionInput,
	type RegionPatch
} from './schema';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

// Normalised results: optional texts are absent (add) or null (patch: remove the field).
export interface ValidActorInput {
	name: string;
	kind: ActorInput['kind'];
	region?: string;
	pos?: Position;
	description?: string;
}
export interface ValidLinkInput {
	source: string;
	target: string;
	kind: LinkInput['kind'];
	description?: string;
}

const ACTOR_FIELDS = ['name', 'kind', 'region', 'pos', 'description'] as const;
const LINK_FIELDS = ['source', 'target', 'kind', 'description'] as const;
const REGION_FIELDS = ['name'] as const;

/** Values Yjs stores as-is (ContentAny) arrive as plain objects; class instances are not records. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

function result<T>(value: T, errors: FieldError[]): ValidationResult<T> {
	return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

/** Unknown keys are rejected: a misspelt field name would otherwise be dropped without a word. */
function checkRecord(
	input: unknown,
	allowed: readonly string[],
	errors: FieldError[]
): Record<string, unknown> {
	if (!isPlainObject(input)) {
		errors.push(fieldError('', 'invalid_type', 'Expected an object with named fields.'));
		return {};
	}
	for (const key of Object.keys(input)) {
		if (!allowed.includes(key)) {
			errors.push(fieldError(key, 'unknown_field', `Unknown field "${key}".`));
		}
	}
	return input;
}

/** A required text (name): trimmed, non-empty, bounded. */
function checkName(
	value: unknown,
	field: string,
	max: number,
	errors: FieldError[]
): string | undefined {
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
function checkOptionalText(
	value: unknown,
	field: string,
	max: number,
	errors: FieldError[]
): string | null | undefined {
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

function checkKind<K extends string>(
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

/** Only the shape of an id is checked here; whether it exists is the model's job. */
function checkId(value: unknown, field: string, errors: FieldError[]): string | undefined {
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

function checkCoordinate(value: unknown, field: string, errors: FieldError[]): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		errors.push(fieldError(field, 'invalid_number', `The ${field} coordinate must be a finite number.`));
		return undefined;
	}
	if (Math.abs(value) > MAX_COORDINATE) {
		const message = `The ${field} coordinate must be between -${MAX_COORDINATE} and ${MAX_COORDINATE}.`;
		errors.push(fieldError(field, 'out_of_range', message));
		return undefined;
	}
	// Adding 0 turns -0 into 0, so equal positions encode and compare equal.
	return value + 0;
}

/** Copies x and y only: extra keys (e.g. from a layout library's objects) are harmless and not stored. */
function checkPosition(value: unknown, field: string, errors: FieldError[]): Position | undefined {
	if (!isPlainObject(value)) {
		errors.push(fieldError(field, 'invalid_type', 'A position must be an object {x, y}.'));
		return undefined;
	}
	const x = checkCoordinate(value.x, `${field}.x`, errors);
	const y = checkCoordinate(value.y, `${field}.y`, errors);
	return x === undefined || y === undefined ? undefined : { x, y };
}

export function validatePosition(value: unknown, field = 'pos'): ValidationResult<Position> {
	const errors: FieldError[] = [];
	const pos = checkPosition(value, field, errors);
	return result(pos as Position, errors);
}

export function validateActorInput(input: unknown): ValidationResult<ValidActorInput> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, ACTOR_FIELDS, errors);
	const name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	const kind = checkKind(raw.kind, ACTOR_KINDS, isActorKind, errors);
	// '' means "no region": that is what an unselected <select> submits.
	const noRegion = raw.region === undefined || raw.region === null || raw.region === '';
	const region = noRegion ? undefined : checkId(raw.region, 'region', errors);
	const pos = raw.pos === undefined ? undefined : checkPosition(raw.pos, 'pos', errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	const value: ValidActorInput = { name: name!, kind: kind! };
	if (region !== undefined) value.region = region;
	if (pos !== undefined) value.pos = pos;
	if (description) value.description = description;
	return result(value, errors);
}

export function validateActorPatch(input: unknown): ValidationResult<ActorPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, ACTOR_FIELDS, errors);
	const value: ActorPatch = {};
	if (raw.name !== undefined) value.name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	if (raw.kind !== undefined) value.kind = checkKind(raw.kind, ACTOR_KINDS, isActorKind, errors);
	if (raw.region === null || raw.region === '') value.region = null;
	else if (raw.region !== undefined) value.region = checkId(raw.region, 'region', errors);
	if (raw.pos !== undefined) value.pos = checkPosition(raw.pos, 'pos', errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	if (description !== undefined) value.description = description;
	return result(value, errors);
}

export function validateLinkInput(input: unknown): ValidationResult<ValidLinkInput> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, LINK_FIELDS, errors);
	const source = checkId(raw.source, 'source', errors);
	const target = checkId(raw.target, 'target', errors);
	const kind = checkKind(raw.kind, LINK_KINDS, isLinkKind, errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	checkNotSelfLink(source, target, errors);
	const value: ValidLinkInput = { source: source!, target: target!, kind: kind! };
	if (description) value.description = description;
	return result(value, errors);
}

export function validateLinkPatch(input: unknown): ValidationResult<LinkPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, LINK_FIELDS, errors);
	const value: LinkPatch = {};
	if (raw.source !== undefined) value.source = checkId(raw.source, 'source', errors);
	if (raw.target !== undefined) value.target = checkId(raw.target, 'target', errors);
	if (raw.kind !== undefined) value.kind = checkKind(raw.kind, LINK_KINDS, isLinkKind, errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	if (description !== undefined) value.description = description;
	checkNotSelfLink(value.source, value.target, errors);
	return result(value, errors);
}

/** Exported for the model, which checks a patched link against its stored other end. */
export function checkNotSelfLink(
	source: string | undefined,
	target: string | undefined,
	errors: FieldError[]
): void {
	if (source !== undefined && source === target) {
		errors.push(fieldError('target', 'self_link', 'A link must connect two different actors.'));
	}
}

export function validateRegionInput(input: unknown): ValidationResult<RegionInput> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, REGION_FIELDS, errors);
	const name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	return result({ name: name! }, errors);
}

export function validateRegionPatch(input: unknown): ValidationResult<RegionPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, REGION_FIELDS, errors);
	const value: RegionPatch = {};
	if (raw.name !== undefined) value.name = checkName(raw.name, 'name', MAX_NAME_LENGTH, errors);
	return result(value, errors);
}

/** null or blank text = no title. */
export function validateTitle(value: unknown): ValidationResult<string | null> {
	const errors: FieldError[] = [];
	const title = checkOptionalText(value, 'title', MAX_TITLE_LENGTH, errors);
	if (title === undefined && errors.length === 0) {
		errors.push(fieldError('title', 'invalid_type', 'The title must be text or null.'));
	}
	return result(title ?? null, errors);
}
