// The discussion model: threads of comments on map elements and annotations, read markers, mentions, and the whole-document queries.
import * as Y from 'yjs';
import { MapValidationError, fieldError } from '../errors';
import { AnnotationModel, byId, valueOf } from './annotations';
import { observeDiscussion, type DiscussionChange } from './doc';
import { parseMentions, sameUsername } from './mentions';
import { readKey, readMarkers, readThread } from './read';
import {
	COMMENTS_KEY,
	DISCUSSION_META_MAP,
	DISCUSSION_SCHEMA_VERSION,
	READ_KEY_SEPARATOR,
	type CommentInput,
	type DiscussionSnapshot,
	type Mention,
	type ThreadAnchor,
	type ThreadInput,
	type ThreadView
} from './schema';
import { validateCommentInput, validateCommentText, validateThreadInput, validateUserId } from './validate';

export type { DiscussionModelOptions, MapAnchorKind } from './annotations';

/** Origin of initialisation, so no user's undo manager tracks it. */
export const DISCUSSION_INIT_ORIGIN: unknown = Object.freeze({ kartta: 'discussion-init' });

/** Server only, once per map: stamps a fresh discussion document with its schema version. Returns false if already stamped. */
export function initializeDiscussionDocument(doc: Y.Doc): boolean {
	const meta = doc.getMap<unknown>(DISCUSSION_META_MAP);
	if (meta.has('schemaVersion')) return false;
	doc.transact(() => meta.set('schemaVersion', DISCUSSION_SCHEMA_VERSION), DISCUSSION_INIT_ORIGIN);
	return true;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first; ties broken by ids so every replica lists the same order. */
function newestFirst(a: Mention, b: Mention): number {
	return b.comment.createdAt - a.comment.createdAt || compareText(a.threadId, b.threadId) || compareText(a.comment.id, b.comment.id);
}

export class DiscussionModel extends AnnotationModel {
	// ---- threads

	/** Starts a thread about an element or annotation, with its first comment if `text` is given (one transaction). */
	addThread(input: ThreadInput): string {
		const value = valueOf(validateThreadInput(input));
		this.throwIfUnknownAnchorOf(value.anchor);
		const id = this.createId();
		const createdAt = this.now();
		this.transact(() => {
			const thread = new Y.Map<unknown>();
			this.parts.threads.set(id, thread);
			thread.set('anchor', { kind: value.anchor.kind, id: value.anchor.id });
			thread.set('resolved', false);
			thread.set('createdBy', value.createdBy);
			thread.set('createdAt', createdAt);
			const comments = new Y.Array<unknown>();
			thread.set(COMMENTS_KEY, comments);
			if (value.text !== undefined) comments.push([this.#newComment(value.createdBy, value.text, createdAt)]);
		});
		return id;
	}

	resolveThread(id: string, resolved = true): void {
		const thread = this.editable(this.parts.threads, id, 'thread');
		if (thread.get('resolved') !== resolved) this.transact(() => thread.set('resolved', resolved));
	}

	/** Deletes the thread and everyone's read marker for it in one transaction. */
	deleteThread(id: string): boolean {
		if (!this.parts.threads.has(id)) return false;
		// User ids never contain the separator, so the thread id is everything after the first one.
		const markers = [...this.parts.reads.keys()].filter((key) => key.slice(key.indexOf(READ_KEY_SEPARATOR) + 1) === id && key.includes(READ_KEY_SEPARATOR));
		this.transact(() => {
			for (const key of markers) this.parts.reads.delete(key);
			this.parts.threads.delete(id);
		});
		return true;
	}

	threads(): ThreadView[] {
		const exists = this.anchorCheck();
		const views: ThreadView[] = [];
		this.parts.threads.forEach((value, id) => views.push(readThread(id, value, exists)));
		return views.sort(byId);
	}

	thread(id: string): ThreadView | undefined {
		const value = this.parts.threads.get(id);
		return value === undefined ? undefined : readThread(id, value, this.anchorCheck());
	}

	/** Threads about one element or annotation, oldest first (two people may start one at once: both are kept). */
	threadsFor(anchor: ThreadAnchor): ThreadView[] {
		return this.threads()
			.filter((thread) => thread.anchor?.kind === anchor.kind && thread.anchor.id === anchor.id)
			.sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
	}

	// ---- comments

	/** Appends a comment; concurrent comments on one thread all survive, in the same order everywhere. Returns its id. */
	addComment(threadId: string, input: CommentInput): string {
		const value = valueOf(validateCommentInput(input));
		const thread = this.editable(this.parts.threads, threadId, 'thread');
		const comment = this.#newComment(value.author, value.text, this.now());
		this.transact(() => this.#commentsOf(thread).push([comment]));
		return comment.get('id') as string;
	}

	/** Replaces the text (and so the mentions) and stamps `editedAt`. Who may edit is the caller's policy. */
	editComment(threadId: string, commentId: string, text: string): void {
		const newText = valueOf(validateCommentText(text));
		const comment = this.#findComment(threadId, commentId);
		if (comment.get('text') === newText) return;
		this.transact(() => {
			comment.set('text', newText);
			comment.set('mentions', parseMentions(newText));
			comment.set('editedAt', this.now());
		});
	}

	deleteComment(threadId: string, commentId: string): boolean {
		const thread = this.parts.threads.get(threadId);
		if (!(thread instanceof Y.Map) || !(thread.get(COMMENTS_KEY) instanceof Y.Array)) return false;
		const comments = thread.get(COMMENTS_KEY) as Y.Array<unknown>;
		const index = comments.toArray().findIndex((c) => c instanceof Y.Map && c.get('id') === commentId);
		if (index < 0) return false;
		this.transact(() => comments.delete(index, 1));
		return true;
	}

	// ---- read markers and notifications

	/**
	 * Marks a thread read up to its newest comment. The marker is that comment's `createdAt` (the
	 * author's clock, compared only with other comments' times) and this never lowers it, so a
	 * device that has not yet received the newest comments does not un-read them.
	 */
	markRead(userId: string, threadId: string): void {
		const user = valueOf(validateUserId(userId));
		const thread = this.thread(threadId);
		if (!thread || thread.comments.length === 0) return;
		const newest = Math.max(...thread.comments.map((c) => c.createdAt));
		const key = readKey(user, threadId);
		const current = this.parts.reads.get(key);
		if (typeof current === 'number' && current >= newest) return;
		this.transact(() => this.parts.reads.set(key, newest));
	}

	/** Comments by others newer than the user's marker (all of them if the user never read the thread). */
	unreadCount(userId: string, threadId: string): number {
		const thread = this.thread(threadId);
		if (!thread) return 0;
		const stored = this.parts.reads.get(readKey(userId, threadId));
		const marker = typeof stored === 'number' && Number.isFinite(stored) ? stored : Number.NEGATIVE_INFINITY;
		return thread.comments.filter((c) => c.author !== userId && c.createdAt > marker).length;
	}

	/** Unread counts of every thread with unread comments, for badges. */
	unreadCounts(userId: string): Map<string, number> {
		const markers = readMarkers(this.parts.reads, userId);
		const counts = new Map<string, number>();
		for (const thread of this.threads()) {
			const marker = markers.get(thread.id) ?? Number.NEGATIVE_INFINITY;
			const count = thread.comments.filter((c) => c.author !== userId && c.createdAt > marker).length;
			if (count > 0) counts.set(thread.id, count);
		}
		return counts;
	}

	/** Comments that mention the user (ignoring case), newest first: the in-app notification list. */
	mentionsOf(username: string): Mention[] {
		const mentions: Mention[] = [];
		for (const thread of this.threads()) {
			for (const comment of thread.comments) {
				if (comment.mentions.some((name) => sameUsername(name, username))) {
					mentions.push({ threadId: thread.id, anchor: thread.anchor, comment });
				}
			}
		}
		return mentions.sort(newestFirst);
	}

	// ---- the whole document

	snapshot(): DiscussionSnapshot {
		const version = this.parts.meta.get('schemaVersion');
		return {
			schemaVersion: Number.isInteger(version) && (version as number) > 0 ? (version as number) : null,
			gaps: this.gaps(),
			targets: this.targets(),
			growthSectors: this.growthSectorNotes(),
			threads: this.threads()
		};
	}

	observe(callback: (change: DiscussionChange) => void): () => void {
		return observeDiscussion(this.doc, this.parts, (origin) => this.isLocalOrigin(origin), callback);
	}

	#newComment(author: string, text: string, createdAt: number): Y.Map<unknown> {
		return new Y.Map<unknown>([
			['id', this.createId()],
			['author', author],
			['text', text],
			['mentions', parseMentions(text)],
			['createdAt', createdAt]
		]);
	}

	/** The thread's comment array; created only if a script left it out (the model always creates it with the thread). */
	#commentsOf(thread: Y.Map<unknown>): Y.Array<unknown> {
		const comments = thread.get(COMMENTS_KEY);
		if (comments instanceof Y.Array) return comments;
		const fresh = new Y.Array<unknown>();
		thread.set(COMMENTS_KEY, fresh);
		return fresh;
	}

	#findComment(threadId: string, commentId: string): Y.Map<unknown> {
		const thread = this.editable(this.parts.threads, threadId, 'thread');
		const comments = thread.get(COMMENTS_KEY);
		const comment = comments instanceof Y.Array ? comments.toArray().find((c) => c instanceof Y.Map && c.get('id') === commentId) : undefined;
		if (comment instanceof Y.Map) return comment;
		throw new MapValidationError([fieldError('commentId', 'not_found', `There is no comment with id "${commentId}" in this thread.`)]);
	}
}

