// The open map's discussion in the editor: the discussion connection and model, reactive lists and unread counts, the panel's place, and the actions (validated; commenters may use all of them).
import {
	DiscussionModel,
	type GapAnchor,
	type GapInput,
	type GapPatch,
	type GapView,
	type GrowthSectorNoteInput,
	type GrowthSectorNotePatch,
	type GrowthSectorNoteView,
	type TargetInput,
	type TargetPatch,
	type TargetView,
	type ThreadAnchor,
	type ThreadView
} from '$lib/map/discussion';
import { MapValidationError, type FieldError } from '$lib/map';
import { openDiscussionConnection } from '$lib/collab/discussion';
import type { MapConnection } from '$lib/collab/connection';
import type { ConnectionStatus } from '$lib/collab/connection-status';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import { anchorKey, NOTIFICATIONS_CHANGED_EVENT, type MapFacts, type PanelView } from './model';
import type { Namer } from './labels';

/** Collaborators' comments arrive in bursts; lists refresh at most this often. */
export const DISCUSSION_REFRESH_MS = 200;

/** A model's field errors, or the panel's own refusal (`forbidden`) when the user may not do it. */
export type PanelError = FieldError | { field: string; code: 'forbidden'; message: string };
export type DiscussionResult = { ok: true; id?: string } | { ok: false; errors: PanelError[] };

export interface Member {
	id: string;
	username: string;
	displayName: string;
	role: string;
}

export interface DiscussionOptions {
	mapId: string;
	user: { id: string; username: string; displayName: string };
	/** Owners, editors and commenters write the discussion; viewers only read it. */
	canWrite: boolean;
	members: readonly Member[];
	editor: EditorSession;
}

function attempt(action: () => string | void): DiscussionResult {
	try {
		const id = action();
		return typeof id === 'string' ? { ok: true, id } : { ok: true };
	} catch (error) {
		if (error instanceof MapValidationError) return { ok: false, errors: error.errors };
		throw error;
	}
}

const NOT_ALLOWED: DiscussionResult = { ok: false, errors: [{ field: 'id', code: 'forbidden', message: 'Not allowed.' }] };

export class DiscussionSession {
	status = $state<ConnectionStatus>('connecting');
	ready = $state(false);
	gaps = $state.raw<GapView[]>([]);
	targets = $state.raw<TargetView[]>([]);
	notes = $state.raw<GrowthSectorNoteView[]>([]);
	threads = $state.raw<ThreadView[]>([]);
	/** Thread id -> comments by others the user has not seen. */
	unread = $state.raw<Map<string, number>>(new Map());
	/** Whether the panel is shown, and what it shows. */
	open = $state(false);
	view = $state.raw<PanelView>({ kind: 'list' });

	readonly options: DiscussionOptions;
	readonly model: DiscussionModel;
	readonly #connection: MapConnection;
	readonly #members: Map<string, Member>;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#cleanups: (() => void)[] = [];
	#destroyed = false;

	constructor(options: DiscussionOptions) {
		this.options = options;
		this.#members = new Map(options.members.map((member) => [member.id, member]));
		this.#connection = openDiscussionConnection(options.mapId, options.user.id);
		const graph = options.editor.model.parts;
		const parts = { actor: graph.actors, link: graph.links, region: graph.regions };
		this.model = new DiscussionModel(this.#connection.doc, undefined, {
			// Before the graph has synced every element looks missing: check only once it is drawn.
			mapHas: (kind, id) => (options.editor.ready ? parts[kind].has(id) : true)
		});
		this.#cleanups.push(
			this.#connection.status.subscribe((status) => (this.status = status)),
			this.model.observe((change) => (change.local ? this.#refresh() : this.#schedule())),
			// Anchors may disappear with the map's actors and links.
			options.editor.model.observe(() => this.#schedule())
		);
		void this.#connection.firstSync.then(() => {
			if (this.#destroyed) return;
			this.#refresh();
			this.ready = true;
		});
	}

	destroy(): void {
		this.#destroyed = true;
		for (const cleanup of this.#cleanups) cleanup();
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#connection.destroy();
	}

	get canWrite(): boolean {
		return this.options.canWrite;
	}

	get userId(): string {
		return this.options.user.id;
	}

	get members(): readonly Member[] {
		return this.options.members;
	}

	/** A member's name for a stored user id; null when they are no longer a member. */
	personName(userId: string): string | null {
		if (userId === this.options.user.id) return this.options.user.displayName || this.options.user.username;
		const member = this.#members.get(userId);
		return member ? member.displayName || member.username : null;
	}

	// ---- reading

	threadsFor(anchor: ThreadAnchor): ThreadView[] {
		return this.threads
			.filter((thread) => thread.anchor?.kind === anchor.kind && thread.anchor.id === anchor.id)
			.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
	}

	/** anchorKey -> {comments, unread} over every thread about it, for badges on elements and annotations. */
	get countsByAnchor(): Map<string, { comments: number; unread: number; threads: number }> {
		const counts = new Map<string, { comments: number; unread: number; threads: number }>();
		for (const thread of this.threads) {
			if (!thread.anchor) continue;
			const key = anchorKey(thread.anchor);
			const entry = counts.get(key) ?? { comments: 0, unread: 0, threads: 0 };
			entry.comments += thread.comments.length;
			entry.unread += this.unread.get(thread.id) ?? 0;
			entry.threads += 1;
			counts.set(key, entry);
		}
		return counts;
	}

	/** Names of map elements and annotations, re-read when either document changes. */
	get namer(): Namer & MapFacts {
		const editor = this.options.editor;
		void editor.revision;
		const model = editor.model;
		const { gaps, targets, notes } = this;
		return {
			actorName: (id) => model.actor(id)?.name,
			linkEnds: (id) => {
				const link = model.link(id);
				return link ? [model.actor(link.source)?.name ?? '?', model.actor(link.target)?.name ?? '?'] : undefined;
			},
			linkActors: (id) => {
				const link = model.link(id);
				return link ? [link.source, link.target] : [];
			},
			regionName: (id) => model.region(id)?.name,
			regionOf: (id) => model.actor(id)?.region,
			gapTitle: (id) => gaps.find((gap) => gap.id === id)?.title,
			targetTitle: (id) => targets.find((target) => target.id === id)?.title,
			noteSector: (id) => {
				const note = notes.find((n) => n.id === id);
				return note ? (model.sector(note.sectorId)?.name ?? note.sectorId) : undefined;
			}
		};
	}

	get unreadTotal(): number {
		let total = 0;
		for (const count of this.unread.values()) total += count;
		return total;
	}

	// ---- the panel

	show(view: PanelView = this.view): void {
		this.open = true;
		this.view = view;
	}

	/** Opens the threads about an element or annotation. */
	openThreads(anchor: ThreadAnchor, threadId?: string): void {
		this.show({ kind: 'threads', anchor, threadId });
	}

	/** Selects and centres what a gap, target, note or thread is about on the map. */
	jumpTo(anchor: GapAnchor | ThreadAnchor): void {
		const editor = this.options.editor;
		switch (anchor.kind) {
			case 'actor':
			case 'link':
				editor.focusElement(anchor.id);
				return;
			case 'point':
				editor.focusPoint({ x: anchor.x, y: anchor.y });
				return;
			case 'region':
				this.#focusActors(editor.actors.filter((actor) => actor.region === anchor.id).map((actor) => actor.id));
				return;
			case 'gap': {
				const gap = this.gaps.find((g) => g.id === anchor.id);
				if (gap?.anchor) this.jumpTo(gap.anchor);
				return;
			}
			case 'target':
				this.#focusActors(this.targets.find((t) => t.id === anchor.id)?.actors ?? []);
				return;
			case 'growthSector':
				this.#focusActors(this.notes.find((n) => n.id === anchor.id)?.actors ?? []);
		}
	}

	// ---- annotations

	addGap(input: Omit<GapInput, 'createdBy'>): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.addGap({ ...input, createdBy: this.userId }));
	}

	updateGap(id: string, patch: GapPatch): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.updateGap(id, patch));
	}

	addTarget(input: Omit<TargetInput, 'createdBy'>): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.addTarget({ ...input, createdBy: this.userId }));
	}

	updateTarget(id: string, patch: TargetPatch): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.updateTarget(id, patch));
	}

	addNote(input: Omit<GrowthSectorNoteInput, 'createdBy'>): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.addGrowthSectorNote({ ...input, createdBy: this.userId }));
	}

	updateNote(id: string, patch: GrowthSectorNotePatch): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.updateGrowthSectorNote(id, patch));
	}

	/** Deletes a gap, target or note with the threads about it. */
	deleteAnnotation(kind: 'gap' | 'target' | 'growthSector', id: string): void {
		if (!this.canWrite) return;
		if (kind === 'gap') this.model.deleteGap(id);
		else if (kind === 'target') this.model.deleteTarget(id);
		else this.model.deleteGrowthSectorNote(id);
	}

	// ---- threads and comments

	startThread(anchor: ThreadAnchor, text: string): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.addThread({ anchor, createdBy: this.userId, text }));
	}

	addComment(threadId: string, text: string): DiscussionResult {
		if (!this.canWrite) return NOT_ALLOWED;
		return attempt(() => this.model.addComment(threadId, { author: this.userId, text }));
	}

	/** Only the author edits or deletes a comment. */
	editComment(threadId: string, commentId: string, text: string): DiscussionResult {
		if (!this.canWrite || !this.#isOwnComment(threadId, commentId)) return NOT_ALLOWED;
		return attempt(() => this.model.editComment(threadId, commentId, text));
	}

	deleteComment(threadId: string, commentId: string): void {
		if (!this.canWrite || !this.#isOwnComment(threadId, commentId)) return;
		this.model.deleteComment(threadId, commentId);
	}

	resolveThread(threadId: string, resolved: boolean): void {
		if (!this.canWrite) return;
		attempt(() => this.model.resolveThread(threadId, resolved));
	}

	/** Viewers cannot store read markers (the server drops their writes), so they keep none. */
	markRead(threadId: string): void {
		if (!this.canWrite || (this.unread.get(threadId) ?? 0) === 0) return;
		this.model.markRead(this.userId, threadId);
		// The header's notification count may have dropped: let it re-read.
		window.dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED_EVENT));
	}

	// ---- internals

	#isOwnComment(threadId: string, commentId: string): boolean {
		return this.model.thread(threadId)?.comments.some((c) => c.id === commentId && c.author === this.userId) ?? false;
	}

	#focusActors(ids: string[]): void {
		const positions = ids.map((id) => this.options.editor.model.actor(id)?.pos).filter((pos) => pos !== undefined);
		if (positions.length === 0) return;
		const centre = {
			x: positions.reduce((sum, pos) => sum + pos.x, 0) / positions.length,
			y: positions.reduce((sum, pos) => sum + pos.y, 0) / positions.length
		};
		this.options.editor.focusPoint(centre, ids);
	}

	#schedule(): void {
		this.#timer ??= setTimeout(() => this.#refresh(), DISCUSSION_REFRESH_MS);
	}

	#refresh(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		if (this.#destroyed) return;
		this.gaps = this.model.gaps();
		this.targets = this.model.targets();
		this.notes = this.model.growthSectorNotes();
		this.threads = this.model.threads();
		this.unread = this.canWrite ? this.model.unreadCounts(this.userId) : new Map();
	}
}
