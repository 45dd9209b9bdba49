// Tolerant readers: turn whatever a client stored in the document into plain views, listing problems instead of throwing.
import * as Y from 'yjs';
import { fieldError, type FieldError } from './errors';
import {
	DEFAULT_POSITION,
	MAX_COORDINATE,
	MAX_DESCRIPTION_LENGTH,
	MAX_ID_LENGTH,
	MAX_NAME_LENGTH,
	MAX_TITLE_LENGTH,
	isActorKind,
	isLinkKind,
	type ActorView,
	type LinkView,
	type MetaView,
	type Position,
	type RegionView
} from './schema';
import { isPlainObject } from './validate';

/** Lookups a reader uses to flag broken references; without one, references are not checked (dangling stays false). */
export interface ReadContext {
	hasActor(id: string): boolean;
	hasRegion(id: string): boolean;
}

type Getter = (key: string) => unknown;

/**
 * Elements should be nested Y.Maps. A plain object (e.g. written by a careless script) is still
 * read, so its data is visible, but flagged: its fields cannot be edited one by one.
 */
function fieldsOf(value: unknown, issues: FieldError[]): Getter {
	if (value instanceof Y.Map) return (key) => value.get(key);
	if (isPlainObject(value)) {
		issues.push(fieldError('', 'invalid_type', 'Stored as a plain object instead of a Y.Map.'));
		return (key) => value[key];
	}
	issues.push(fieldError('', 'invalid_type', 'Stored value is not a record.'));
	return () => undefined;
}

function isPrimitive(value: unknown): value is number | boolean | bigint {
	return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** A required text; a number or boolean is shown as text rather than hidden. */
function readRequiredText(value: unknown, field: string, max: number, issues: FieldError[]): string {
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
function readOptionalText(value: unknown, field: string, max: number, issues: FieldError[]): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not text.`));
		return isPrimitive(value) ? String(value) : undefined;
	}
	if (value.length > max) issues.push(fieldError(field, 'too_long', `The ${field} is longer than ${max} characters.`));
	return value;
}

/** An unknown kind is kept verbatim: it may come from a newer client and must not be lost. */
function readKind(value: unknown, isKind: (v: unknown) => boolean, issues: FieldError[]): string {
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

function readReference(value: unknown, field: string, issues: FieldError[]): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value === '') {
		issues.push(fieldError(field, 'invalid_type', `The ${field} is not an id.`));
		return undefined;
	}
	return value;
}

export function readActor(id: string, value: unknown, context?: ReadContext): ActorView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const name = readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues);
	const kind = readKind(get('kind'), isActorKind, issues);
	const region = readReference(get('region'), 'region', issues);
	if (region !== undefined && context && !context.hasRegion(region)) {
		issues.push(fieldError('region', 'unknown_region', 'The region no longer exists.'));
	}
	const pos = readPosition(get('pos'), issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	// Keys in schema order, optional ones only when present, so the JSON reads like the contract.
	return {
		id,
		name,
		kind,
		...(region !== undefined && { region }),
		pos,
		...(description !== undefined && { description }),
		createdAt,
		issues
	};
}

function readCreatedAt(value: unknown, issues: FieldError[]): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value === undefined) issues.push(fieldError('createdAt', 'required', 'The creation time is missing.'));
	else issues.push(fieldError('createdAt', 'invalid_number', 'The creation time is not a number.'));
	return 0;
}

export function readLink(id: string, value: unknown, context?: ReadContext): LinkView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const source = readRequiredText(get('source'), 'source', MAX_ID_LENGTH, issues);
	const target = readRequiredText(get('target'), 'target', MAX_ID_LENGTH, issues);
	const kind = readKind(get('kind'), isLinkKind, issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	if (source !== '' && source === target) {
		issues.push(fieldError('target', 'self_link', 'The link connects an actor to itself.'));
	}
	// A missing endpoint field counts as dangling too: there is nothing to draw the link to.
	let dangling = false;
	if (context) {
		for (const [field, end] of [['source', source], ['target', target]] as const) {
			if (end !== '' && context.hasActor(end)) continue;
			dangling = true;
			if (end !== '') issues.push(fieldError(field, 'unknown_actor', `The ${field} actor no longer exists.`));
		}
	}
	return {
		id,
		source,
		target,
		kind,
		...(description !== undefined && { description }),
		dangling,
		issues
	};
}

export function readRegion(id: string, value: unknown): RegionView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	return { id, name: readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues), issues };
}

/** A missing schemaVersion is not an issue here: an unsynced or uninitialised document has none. */
export function readMeta(meta: Y.Map<unknown>): MetaView {
	const issues: FieldError[] = [];
	const version = meta.get('schemaVersion');
	let schemaVersion: number | null = null;
	if (Number.isInteger(version) && (version as number) > 0) schemaVersion = version as number;
	else if (version !== undefined) {
		issues.push(fieldError('schemaVersion', 'invalid_number', 'The schema version is not a positive whole number.'));
	}
	const title = readOptionalText(meta.get('title'), 'title', MAX_TITLE_LENGTH, issues) ?? null;
	return { schemaVersion, title, issues };
}
