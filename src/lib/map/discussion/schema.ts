// The discussion document's schema: names, states, limits and types of gaps, targets, growth-sector notes, threads and reads.
import type { FieldError } from '../errors';

/**
 * A map's discussion lives in a second Y.Doc, separate from the graph: commenters may write
 * there but never to the graph, and the server enforces that per document.
 */
export const DISCUSSION_SCHEMA_VERSION = 1;

export const GAPS_MAP = 'gaps';
export const TARGETS_MAP = 'targets';
export const GROWTH_SECTORS_MAP = 'growthSectors';
export const THREADS_MAP = 'threads';
/**
 * Read markers, one key per user and thread: `${userId}/${threadId}` -> number. Flat keys rather
 * than a nested map per user: two devices of a new user marking threads read at once would each
 * create that user's map, and Yjs would keep only one of the two with its markers.
 */
export const READS_MAP = 'reads';
export const READ_KEY_SEPARATOR = '/';
export const DISCUSSION_META_MAP = 'meta';
/** The Y.Array of comments inside a thread's Y.Map: concurrent comments append without loss. */
export const COMMENTS_KEY = 'comments';

export const GAP_TYPES = ['missing_link', 'missing_capability', 'other'] as const;
export type GapType = (typeof GAP_TYPES)[number];
export const GAP_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const TARGET_STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** What a gap points at in the map document, or a free point on the canvas. */
export const GAP_ANCHOR_KINDS = ['actor', 'link', 'region', 'point'] as const;
/** What a thread is about: an element of the map document or an annotation in this one. */
export const THREAD_ANCHOR_KINDS = ['actor', 'link', 'gap', 'target', 'growthSector'] as const;
export type ThreadAnchorKind = (typeof THREAD_ANCHOR_KINDS)[number];

export type GapAnchor = { kind: 'actor' | 'link' | 'region'; id: string } | { kind: 'point'; x: number; y: number };
export interface ThreadAnchor {
	kind: ThreadAnchorKind;
	id: string;
}

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_MENTIONS = 20;
export const MAX_TARGET_ACTORS = 100;
/** A gap finder suggestion's key: a rule name and up to two ids (see src/lib/analysis). */
export const MAX_SUGGESTION_KEY_LENGTH = 300;

/** Kept in step with USERNAME in src/lib/server/limits.ts (a test checks they agree). */
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 64;

/** Kept verbatim when unknown (a newer client may know it), like kinds in the map document. */
type Open<T extends string> = T | (string & {});

// ---- Views: what readers return, with the problems they found.

export interface GapView {
	id: string;
	type: Open<GapType>;
	title: string;
	description?: string;
	/** null when the stored anchor is unreadable (reported in issues). */
	anchor: GapAnchor | null;
	status: Open<GapStatus>;
	/** The gap finder suggestion this gap accepts or dismisses (its key); absent for gaps written by hand. */
	suggestion?: string;
	createdBy: string;
	createdAt: number;
	issues: FieldError[];
}

export interface TargetView {
	id: string;
	title: string;
	description?: string;
	/** User id of the member responsible. */
	owner?: string;
	/** yyyy-mm-dd */
	due?: string;
	status: Open<TargetStatus>;
	/** Ids of actors in the map document. */
	actors: string[];
	createdBy: string;
	createdAt: number;
	issues: FieldError[];
}

export interface GrowthSectorNoteView {
	id: string;
	/** Id of an entry in the map document's `sectors`. */
	sectorId: string;
	description?: string;
	actors: string[];
	createdBy: string;
	createdAt: number;
	issues: FieldError[];
}

export interface CommentView {
	id: string;
	/** User id. */
	author: string;
	text: string;
	/** Usernames mentioned with @ in the text, as parsed when it was written. */
	mentions: string[];
	createdAt: number;
	editedAt?: number;
	issues: FieldError[];
}

export interface ThreadView {
	id: string;
	anchor: ThreadAnchor | null;
	resolved: boolean;
	createdBy: string;
	createdAt: number;
	/** In the order of the Y.Array: concurrent comments appear in the same order on every replica. */
	comments: CommentView[];
	issues: FieldError[];
}

export interface DiscussionSnapshot {
	schemaVersion: number | null;
	gaps: GapView[];
	targets: TargetView[];
	growthSectors: GrowthSectorNoteView[];
	threads: ThreadView[];
}

/** One entry of a user's mention list (in-app notifications). */
export interface Mention {
	threadId: string;
	anchor: ThreadAnchor | null;
	comment: CommentView;
}

// ---- Inputs. In a patch, undefined leaves a field alone and null removes an optional one.

export interface GapInput {
	type: GapType;
	title: string;
	description?: string | null | undefined;
	anchor: GapAnchor;
	status?: GapStatus | undefined;
	/**
	 * The key of the gap finder suggestion this gap comes from: an open gap accepts it, a
	 * 'dismissed' one dismisses it; either way the finder stops suggesting it. Set on creation only.
	 */
	suggestion?: string | undefined;
	createdBy: string;
}

export interface GapPatch {
	type?: GapType | undefined;
	title?: string | undefined;
	description?: string | null | undefined;
	anchor?: GapAnchor | undefined;
	status?: GapStatus | undefined;
}

export interface TargetInput {
	title: string;
	description?: string | null | undefined;
	owner?: string | null | undefined;
	due?: string | null | undefined;
	status?: TargetStatus | undefined;
	actors?: readonly string[] | null | undefined;
	createdBy: string;
}

export interface TargetPatch {
	title?: string | undefined;
	description?: string | null | undefined;
	owner?: string | null | undefined;
	due?: string | null | undefined;
	status?: TargetStatus | undefined;
	actors?: readonly string[] | null | undefined;
}

export interface GrowthSectorNoteInput {
	sectorId: string;
	description?: string | null | undefined;
	actors?: readonly string[] | null | undefined;
	createdBy: string;
}

export interface GrowthSectorNotePatch {
	sectorId?: string | undefined;
	description?: string | null | undefined;
	actors?: readonly string[] | null | undefined;
}

export interface ThreadInput {
	anchor: ThreadAnchor;
	createdBy: string;
	/** The first comment, written in the same transaction. */
	text?: string | undefined;
}

export interface CommentInput {
	author: string;
	text: string;
}
