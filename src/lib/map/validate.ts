// Validation of values entering the map model (forms, API bodies, scripts): checked and normalised before anything is written.
import { fieldError, type FieldError } from './errors';
import {
	checkChoice,
	checkId,
	checkKind,
	checkList,
	checkName,
	checkOptionalText,
	checkRecord,
	isPlainObject,
	result,
	type ValidationResult
} from './checks';
import {
	ROLE_LIST,
	SECTOR_LIST,
	TAG_LIST,
	checkBusinessId,
	checkCustomValues,
	checkStrength,
	checkWebsite,
	checkYears
} from './field-checks';
import {
	ACTOR_KINDS,
	LINK_KINDS,
	MAX_COORDINATE,
	MAX_DESCRIPTION_LENGTH,
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
	type RegionPatch,
	type YearRange
} from './schema';
import {
	LINK_DIRECTIONS,
	LINK_STATUSES,
	MAX_EVIDENCE_LENGTH,
	SIZE_CLASSES,
	isLinkDirection,
	isLinkStatus,
	isSizeClass,
	type ActorRole,
	type LinkDirection,
	type LinkStatus,
	type SizeClass
} from './vocabulary';

export { isPlainObject } from './checks';
export type { ValidationResult } from './checks';

// Normalised results: optional values are absent (add) or null (patch: remove the field).
// `custom` is only shape-checked here; the model checks each value against its field's definition.
export interface ValidActorInput {
	name: string;
	kind: ActorInput['kind'];
	region?: string;
	pos?: Position;
	description?: string;
	roles?: ActorRole[];
	sectors?: string[];
	businessId?: string;
	sizeClass?: SizeClass;
	website?: string;
	tags?: string[];
	custom?: Record<string, unknown>;
}
export interface ValidLinkInput {
	source: string;
	target: string;
	kind: LinkInput['kind'];
	description?: string;
	strength?: number;
	direction?: LinkDirection;
	status?: LinkStatus;
	years?: YearRange;
	evidence?: string;
	custom?: Record<string, unknown>;
}

const ACTOR_FIELDS = [
	'name',
	'kind',
	'region',
	'pos',
	'description',
	'roles',
	'sectors',
	'businessId',
	'sizeClass',
	'website',
	'tags',
	'custom'
] as const;
const LINK_FIELDS = [
	'source',
	'target',
	'kind',
	'description',
	'strength',
	'direction',
	'status',
	'years',
	'evidence',
	'custom'
] as const;
const REGION_FIELDS = ['name'] as const;

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

/** The version-2 actor fields as a patch: undefined = not given, null = remove. */
function actorExtras(raw: Record<string, unknown>, errors: FieldError[]) {
	return {
		roles: checkList(raw.roles, 'roles', ROLE_LIST, errors) as ActorRole[] | null | undefined,
		sectors: checkList(raw.sectors, 'sectors', SECTOR_LIST, errors),
		businessId: checkBusinessId(raw.businessId, errors),
		sizeClass: checkChoice(raw.sizeClass, 'sizeClass', SIZE_CLASSES, isSizeClass, errors),
		website: checkWebsite(raw.website, errors),
		tags: checkList(raw.tags, 'tags', TAG_LIST, errors),
		custom: checkCustomValues(raw.custom, errors)
	};
}

function linkExtras(raw: Record<string, unknown>, errors: FieldError[]) {
	return {
		strength: checkStrength(raw.strength, errors),
		direction: checkChoice(raw.direction, 'direction', LINK_DIRECTIONS, isLinkDirection, errors),
		status: checkChoice(raw.status, 'status', LINK_STATUSES, isLinkStatus, errors),
		years: checkYears(raw.years, errors),
		evidence: checkOptionalText(raw.evidence, 'evidence', MAX_EVIDENCE_LENGTH, errors),
		custom: checkCustomValues(raw.custom, errors)
	};
}

/** Copies the given (non-null, non-undefined) values: an input leaves absent fields out. */
function present<T extends object>(fields: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as never;
}

/** Copies the given values including null (= remove): a patch leaves untouched fields out. */
function given<T extends object>(fields: T): Partial<T> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
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
	const value: ValidActorInput = { name: name!, kind: kind!, ...present({ region, pos, description }) };
	Object.assign(value, present(actorExtras(raw, errors)));
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
	Object.assign(value, given(actorExtras(raw, errors)));
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
	const value: ValidLinkInput = { source: source!, target: target!, kind: kind!, ...present({ description }) };
	Object.assign(value, present(linkExtras(raw, errors)));
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
	Object.assign(value, given(linkExtras(raw, errors)));
	return result(value, errors);
}

/** Exported for the model, which checks a patched link against its stored other end. */
export function checkNotSelfLink(source: string | undefined, target: string | undefined, errors: FieldError[]): void {
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
