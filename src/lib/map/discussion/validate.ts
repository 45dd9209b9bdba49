// Validation of discussion input: gaps, development targets, growth-sector notes, threads and comments.
import { fieldError, type FieldError } from '../errors';
import {
	checkChoice,
	checkId,
	checkList,
	checkName,
	checkOptionalText,
	checkRecord,
	checkRequiredChoice,
	idItem,
	isPlainObject,
	result,
	type ListRules,
	type ValidationResult
} from '../checks';
import { isIsoDate } from '../formats';
import { MAX_COORDINATE, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import {
	GAP_ANCHOR_KINDS,
	GAP_STATUSES,
	GAP_TYPES,
	MAX_COMMENT_LENGTH,
	MAX_SUGGESTION_KEY_LENGTH,
	MAX_TARGET_ACTORS,
	READ_KEY_SEPARATOR,
	TARGET_STATUSES,
	THREAD_ANCHOR_KINDS,
	type CommentInput,
	type GapAnchor,
	type GapInput,
	type GapPatch,
	type GrowthSectorNoteInput,
	type GrowthSectorNotePatch,
	type TargetInput,
	type TargetPatch,
	type ThreadAnchor
} from './schema';

const isOneOf =
	<T extends string>(list: readonly T[]) =>
	(value: unknown): value is T =>
		(list as readonly unknown[]).includes(value);
export const isGapType = isOneOf(GAP_TYPES);
export const isGapStatus = isOneOf(GAP_STATUSES);
export const isTargetStatus = isOneOf(TARGET_STATUSES);
export const isGapAnchorKind = isOneOf(GAP_ANCHOR_KINDS);
export const isThreadAnchorKind = isOneOf(THREAD_ANCHOR_KINDS);

const ACTOR_LIST: ListRules = { max: MAX_TARGET_ACTORS, item: idItem };

function checkCoordinate(value: unknown, field: string, errors: FieldError[]): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE) return value + 0;
	errors.push(fieldError(field, 'invalid_number', `The ${field} coordinate must be a number within ±${MAX_COORDINATE}.`));
	return undefined;
}

function checkAnchorShape(value: unknown, errors: FieldError[]): Record<string, unknown> | undefined {
	if (value === undefined || value === null) {
		errors.push(fieldError('anchor', 'required', 'The anchor is required.'));
		return undefined;
	}
	if (!isPlainObject(value)) {
		errors.push(fieldError('anchor', 'invalid_type', 'The anchor must be an object {kind, id}.'));
		return undefined;
	}
	return value;
}

export function checkGapAnchor(value: unknown, errors: FieldError[]): GapAnchor | undefined {
	const anchor = checkAnchorShape(value, errors);
	if (!anchor) return undefined;
	const kind = checkRequiredChoice(anchor.kind, 'anchor.kind', GAP_ANCHOR_KINDS, isGapAnchorKind, errors);
	if (kind === 'point') {
		const x = checkCoordinate(anchor.x, 'anchor.x', errors);
		const y = checkCoordinate(anchor.y, 'anchor.y', errors);
		return x === undefined || y === undefined ? undefined : { kind, x, y };
	}
	const id = checkId(anchor.id, 'anchor.id', errors);
	return kind === undefined || id === undefined ? undefined : { kind, id };
}

export function checkThreadAnchor(value: unknown, errors: FieldError[]): ThreadAnchor | undefined {
	const anchor = checkAnchorShape(value, errors);
	if (!anchor) return undefined;
	const kind = checkRequiredChoice(anchor.kind, 'anchor.kind', THREAD_ANCHOR_KINDS, isThreadAnchorKind, errors);
	const id = checkId(anchor.id, 'anchor.id', errors);
	return kind === undefined || id === undefined ? undefined : { kind, id };
}

function checkDue(value: unknown, errors: FieldError[]): string | null | undefined {
	if (value === undefined || value === null || value === '') return value === '' ? null : value;
	if (isIsoDate(value)) return value;
	errors.push(fieldError('due', 'invalid_date', 'The due date must be a real date written yyyy-mm-dd.'));
	return undefined;
}

/** Optional user id: undefined = leave, null or '' = remove. */
function checkOptionalId(value: unknown, field: string, errors: FieldError[]): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || value === '') return null;
	return checkId(value, field, errors);
}

function given<T extends object>(fields: T): Partial<T> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function present<T extends object>(fields: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as never;
}

const GAP_FIELDS = ['type', 'title', 'description', 'anchor', 'status', 'suggestion', 'createdBy'] as const;
/** Set when a gap is created, never changed: which suggestion a gap answers is part of its history. */
const GAP_CREATION_ONLY_FIELDS: readonly string[] = ['createdBy', 'suggestion'];
const TARGET_FIELDS = ['title', 'description', 'owner', 'due', 'status', 'actors', 'createdBy'] as const;
const NOTE_FIELDS = ['sectorId', 'description', 'actors', 'createdBy'] as const;

export function validateGapInput(input: unknown): ValidationResult<GapInput & { status: GapInput['status'] & {} }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, GAP_FIELDS, errors);
	const type = checkRequiredChoice(raw.type, 'type', GAP_TYPES, isGapType, errors);
	const title = checkName(raw.title, 'title', MAX_TITLE_LENGTH, errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	const anchor = checkGapAnchor(raw.anchor, errors);
	const status = checkChoice(raw.status, 'status', GAP_STATUSES, isGapStatus, errors) ?? 'open';
	const suggestion = checkOptionalText(raw.suggestion, 'suggestion', MAX_SUGGESTION_KEY_LENGTH, errors);
	const createdBy = checkId(raw.createdBy, 'createdBy', errors);
	return result(
		{ type: type!, title: title!, ...present({ description }), anchor: anchor!, status, ...present({ suggestion }), createdBy: createdBy! },
		errors
	);
}

export function validateGapPatch(input: unknown): ValidationResult<GapPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, GAP_FIELDS.filter((f) => !GAP_CREATION_ONLY_FIELDS.includes(f)), errors);
	return result(
		given({
			type: raw.type === undefined ? undefined : checkRequiredChoice(raw.type, 'type', GAP_TYPES, isGapType, errors),
			title: raw.title === undefined ? undefined : checkName(raw.title, 'title', MAX_TITLE_LENGTH, errors),
			description: checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors),
			anchor: raw.anchor === undefined ? undefined : checkGapAnchor(raw.anchor, errors),
			status: raw.status === undefined ? undefined : checkRequiredChoice(raw.status, 'status', GAP_STATUSES, isGapStatus, errors)
		}),
		errors
	);
}

export function validateTargetInput(input: unknown): ValidationResult<TargetInput & { status: TargetInput['status'] & {}; actors: string[] }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, TARGET_FIELDS, errors);
	const title = checkName(raw.title, 'title', MAX_TITLE_LENGTH, errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	const owner = checkOptionalId(raw.owner, 'owner', errors);
	const due = checkDue(raw.due, errors);
	const status = checkChoice(raw.status, 'status', TARGET_STATUSES, isTargetStatus, errors) ?? 'proposed';
	const actors = checkList(raw.actors, 'actors', ACTOR_LIST, errors) ?? [];
	const createdBy = checkId(raw.createdBy, 'createdBy', errors);
	return result({ title: title!, ...present({ description, owner, due }), status, actors, createdBy: createdBy! }, errors);
}

export function validateTargetPatch(input: unknown): ValidationResult<TargetPatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, TARGET_FIELDS.filter((f) => f !== 'createdBy'), errors);
	const actors = checkList(raw.actors, 'actors', ACTOR_LIST, errors);
	return result(
		given({
			title: raw.title === undefined ? undefined : checkName(raw.title, 'title', MAX_TITLE_LENGTH, errors),
			description: checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors),
			owner: checkOptionalId(raw.owner, 'owner', errors),
			due: checkDue(raw.due, errors),
			status: raw.status === undefined ? undefined : checkRequiredChoice(raw.status, 'status', TARGET_STATUSES, isTargetStatus, errors),
			// An emptied list is stored as [] (targets always have a list).
			actors: actors === null ? [] : actors
		}),
		errors
	);
}

export function validateGrowthSectorNoteInput(input: unknown): ValidationResult<GrowthSectorNoteInput & { actors: string[] }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, NOTE_FIELDS, errors);
	const sectorId = checkId(raw.sectorId, 'sectorId', errors);
	const description = checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors);
	const actors = checkList(raw.actors, 'actors', ACTOR_LIST, errors) ?? [];
	const createdBy = checkId(raw.createdBy, 'createdBy', errors);
	return result({ sectorId: sectorId!, ...present({ description }), actors, createdBy: createdBy! }, errors);
}

export function validateGrowthSectorNotePatch(input: unknown): ValidationResult<GrowthSectorNotePatch> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, NOTE_FIELDS.filter((f) => f !== 'createdBy'), errors);
	const actors = checkList(raw.actors, 'actors', ACTOR_LIST, errors);
	return result(
		given({
			sectorId: raw.sectorId === undefined ? undefined : checkId(raw.sectorId, 'sectorId', errors),
			description: checkOptionalText(raw.description, 'description', MAX_DESCRIPTION_LENGTH, errors),
			actors: actors === null ? [] : actors
		}),
		errors
	);
}

/** A comment's text: trimmed, non-blank, bounded. */
export function validateCommentText(value: unknown): ValidationResult<string> {
	const errors: FieldError[] = [];
	const text = checkName(value, 'text', MAX_COMMENT_LENGTH, errors);
	return result(text!, errors);
}

export function validateCommentInput(input: unknown): ValidationResult<CommentInput> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, ['author', 'text'], errors);
	const author = checkId(raw.author, 'author', errors);
	const text = checkName(raw.text, 'text', MAX_COMMENT_LENGTH, errors);
	return result({ author: author!, text: text! }, errors);
}

export function validateThreadInput(input: unknown): ValidationResult<{ anchor: ThreadAnchor; createdBy: string; text?: string }> {
	const errors: FieldError[] = [];
	const raw = checkRecord(input, ['anchor', 'createdBy', 'text'], errors);
	const anchor = checkThreadAnchor(raw.anchor, errors);
	const createdBy = checkId(raw.createdBy, 'createdBy', errors);
	const text = raw.text === undefined ? undefined : checkName(raw.text, 'text', MAX_COMMENT_LENGTH, errors);
	return result({ anchor: anchor!, createdBy: createdBy!, ...present({ text }) }, errors);
}

/** A user id as the first part of a key of `reads`: it must not contain the separator. */
export function validateUserId(value: unknown, field = 'userId'): ValidationResult<string> {
	const errors: FieldError[] = [];
	const id = checkId(value, field, errors);
	if (id?.includes(READ_KEY_SEPARATOR)) errors.push(fieldError(field, 'invalid_type', `A user id must not contain "${READ_KEY_SEPARATOR}".`));
	return result(id!, errors);
}
