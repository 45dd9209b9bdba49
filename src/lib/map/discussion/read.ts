// Tolerant readers of the discussion document: every stored shape becomes a view with its problems listed, never a throw.
import * as Y from 'yjs';
import { isPlainObject } from '../checks';
import { fieldError, type FieldError } from '../errors';
import { isIsoDate } from '../formats';
import { fieldsOf, readChoice, readCreatedAt, readOptionalText, readRequiredText, readStringList, type Getter } from '../read-values';
import { MAX_COORDINATE, MAX_DESCRIPTION_LENGTH, MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import {
	COMMENTS_KEY,
	MAX_COMMENT_LENGTH,
	MAX_MENTIONS,
	MAX_SUGGESTION_KEY_LENGTH,
	MAX_TARGET_ACTORS,
	READ_KEY_SEPARATOR,
	type CommentView,
	type GapAnchor,
	type GapView,
	type GrowthSectorNoteView,
	type TargetView,
	type ThreadAnchor,
	type ThreadView
} from './schema';
import { isGapAnchorKind, isGapStatus, isGapType, isTargetStatus, isThreadAnchorKind } from './validate';

/** Whether an anchor's target exists; the model checks its own annotations, and maybe (via an option) the map. */
export type AnchorCheck = (kind: string, id: string) => boolean | undefined;

function readRequiredChoice(value: unknown, field: string, isChoice: (v: unknown) => boolean, issues: FieldError[]): string {
	if (value === undefined || value === null || value === '') {
		issues.push(fieldError(field, 'required', `The ${field} is missing.`));
		return '';
	}
	return readChoice(value, field, isChoice, issues) ?? '';
}

function readUser(value: unknown, field: string, issues: FieldError[]): string {
	return readRequiredText(value, field, MAX_ID_LENGTH, issues);
}

function readActors(get: Getter, issues: FieldError[]): string[] {
	return readStringList(get('actors'), 'actors', { max: MAX_TARGET_ACTORS, maxLength: MAX_ID_LENGTH }, issues) ?? [];
}

function checkAnchorExists(anchor: { kind: string; id: string }, exists: AnchorCheck | undefined, issues: FieldError[]): void {
	if (exists?.(anchor.kind, anchor.id) === false) {
		issues.push(fieldError('anchor', 'unknown_anchor', `The ${anchor.kind} this refers to no longer exists.`));
	}
}

/** An unknown anchor kind is kept (with its id) so a newer client's anchors stay visible. */
function readAnchor(value: unknown, isKind: (v: unknown) => boolean, issues: FieldError[]): { kind: string; id?: string; x?: number; y?: number } | null {
	if (!isPlainObject(value)) {
		issues.push(fieldError('anchor', value === undefined ? 'required' : 'invalid_type', 'The anchor is missing or not an object.'));
		return null;
	}
	const kind = typeof value.kind === 'string' ? value.kind : '';
	if (!isKind(kind)) issues.push(fieldError('anchor.kind', 'invalid_choice', `Unknown anchor kind "${String(value.kind)}".`));
	if (kind === 'point') {
		const [x, y] = [value.x, value.y];
		if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
			issues.push(fieldError('anchor', 'invalid_number', 'The anchor point has no finite x and y.'));
			return null;
		}
		if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
			issues.push(fieldError('anchor', 'out_of_range', `The anchor point is outside ±${MAX_COORDINATE}.`));
		}
		return { kind, x, y };
	}
	if (typeof value.id !== 'string' || value.id === '') {
		issues.push(fieldError('anchor.id', 'invalid_type', 'The anchor has no id.'));
		return null;
	}
	return { kind, id: value.id };
}

export function readGap(id: string, value: unknown, exists?: AnchorCheck): GapView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const type = readRequiredChoice(get('type'), 'type', isGapType, issues);
	const title = readRequiredText(get('title'), 'title', MAX_TITLE_LENGTH, issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	const anchor = readAnchor(get('anchor'), isGapAnchorKind, issues) as GapAnchor | null;
	if (anchor && anchor.kind !== 'point') checkAnchorExists(anchor, exists, issues);
	const status = readRequiredChoice(get('status'), 'status', isGapStatus, issues);
	const suggestion = readOptionalText(get('suggestion'), 'suggestion', MAX_SUGGESTION_KEY_LENGTH, issues);
	const createdBy = readUser(get('createdBy'), 'createdBy', issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	return {
		id,
		type,
		title,
		...(description !== undefined && { description }),
		anchor,
		status,
		...(suggestion !== undefined && { suggestion }),
		createdBy,
		createdAt,
		issues
	};
}

export function readTarget(id: string, value: unknown): TargetView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const title = readRequiredText(get('title'), 'title', MAX_TITLE_LENGTH, issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	const owner = readOptionalText(get('owner'), 'owner', MAX_ID_LENGTH, issues);
	const due = readOptionalText(get('due'), 'due', MAX_TITLE_LENGTH, issues);
	if (due !== undefined && !isIsoDate(due)) issues.push(fieldError('due', 'invalid_date', 'The due date is not a date yyyy-mm-dd.'));
	const status = readRequiredChoice(get('status'), 'status', isTargetStatus, issues);
	const actors = readActors(get, issues);
	const createdBy = readUser(get('createdBy'), 'createdBy', issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	return {
		id,
		title,
		...(description !== undefined && { description }),
		...(owner !== undefined && { owner }),
		...(due !== undefined && { due }),
		status,
		actors,
		createdBy,
		createdAt,
		issues
	};
}

export function readGrowthSectorNote(id: string, value: unknown): GrowthSectorNoteView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const sectorId = readRequiredText(get('sectorId'), 'sectorId', MAX_ID_LENGTH, issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	const actors = readActors(get, issues);
	const createdBy = readUser(get('createdBy'), 'createdBy', issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	return { id, sectorId, ...(description !== undefined && { description }), actors, createdBy, createdAt, issues };
}

export function readComment(value: unknown): CommentView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const id = readRequiredText(get('id'), 'id', MAX_ID_LENGTH, issues);
	const author = readUser(get('author'), 'author', issues);
	const text = readRequiredText(get('text'), 'text', MAX_COMMENT_LENGTH, issues);
	const mentions = readStringList(get('mentions'), 'mentions', { max: MAX_MENTIONS }, issues) ?? [];
	const createdAt = readCreatedAt(get('createdAt'), issues);
	const edited = get('editedAt');
	const editedAt = typeof edited === 'number' && Number.isFinite(edited) ? edited : undefined;
	if (edited !== undefined && edited !== null && editedAt === undefined) {
		issues.push(fieldError('editedAt', 'invalid_number', 'The edit time is not a number.'));
	}
	return { id, author, text, mentions, createdAt, ...(editedAt !== undefined && { editedAt }), issues };
}

/** The stored comments, whatever they are; a thread without a Y.Array of comments is flagged. */
export function storedComments(get: Getter, issues: FieldError[]): unknown[] {
	const comments = get(COMMENTS_KEY);
	if (comments instanceof Y.Array) return comments.toArray();
	if (comments === undefined || comments === null) issues.push(fieldError(COMMENTS_KEY, 'required', 'The thread has no comment list.'));
	else issues.push(fieldError(COMMENTS_KEY, 'invalid_type', 'The comments are not a Y.Array.'));
	return Array.isArray(comments) ? comments : [];
}

export function readThread(id: string, value: unknown, exists?: AnchorCheck): ThreadView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const anchor = readAnchor(get('anchor'), isThreadAnchorKind, issues) as ThreadAnchor | null;
	if (anchor) checkAnchorExists(anchor, exists, issues);
	const resolvedValue = get('resolved');
	const resolved = resolvedValue === true;
	if (resolvedValue !== undefined && typeof resolvedValue !== 'boolean') {
		issues.push(fieldError('resolved', 'invalid_type', 'The resolved flag is not true or false.'));
	}
	const createdBy = readUser(get('createdBy'), 'createdBy', issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	const comments = storedComments(get, issues).map(readComment);
	return { id, anchor, resolved, createdBy, createdAt, comments, issues };
}

/** The key of a user's read marker for a thread in `reads`. */
export function readKey(userId: string, threadId: string): string {
	return `${userId}${READ_KEY_SEPARATOR}${threadId}`;
}

/** A user's read markers: thread id -> the creation time of the newest comment they have seen. Garbage is skipped. */
export function readMarkers(reads: Y.Map<unknown>, userId: string): Map<string, number> {
	const prefix = readKey(userId, '');
	const markers = new Map<string, number>();
	reads.forEach((marker, key) => {
		if (key.startsWith(prefix) && typeof marker === 'number' && Number.isFinite(marker)) markers.set(key.slice(prefix.length), marker);
	});
	return markers;
}
