// The editor's meeting and following: the running meeting read live from its server-written document,
// whom this user follows, the presenter's controls (slides, votes, decisions) through the meeting routes,
// and the local "hide cursors" setting.
import { untrack } from 'svelte';
import { openMeetingConnection, type MeetingConnection } from '$lib/collab/meeting';
import type { MeetingState } from '$lib/collab/meeting-doc';
import { FollowController, viewCentre, type FollowState, type Viewport } from '$lib/collab/follow';
import { MAX_ZOOM, MIN_ZOOM } from '$lib/editor/constants';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import { meetingApi, type ApiResult, type MeetingApi, type VoteDetails } from './api';
import { readCursorsHidden, writeCursorsHidden } from './cursor-setting';

export interface MeetingOptions {
	mapId: string;
	user: { id: string; username: string; displayName: string };
	role: 'owner' | 'editor' | 'commenter' | 'viewer';
	editor: EditorSession;
}

/** What the panel shows after an action failed: the server's code (translated by the panel). */
export interface MeetingError {
	code: string;
	message: string;
}

export class MeetingSession {
	/** The running meeting, or null. */
	meeting = $state.raw<MeetingState | null>(null);
	/** Whom this user follows (null: nobody). */
	following = $state.raw<FollowState | null>(null);
	/** This tab asks everyone to follow it (presenter). */
	bringing = $state(false);
	/** This tab's own view, as last published (shown for tests and the follow indicator). */
	view = $state.raw<{ x: number; y: number; zoom: number } | null>(null);
	cursorsHidden = $state(false);
	/** Whether the meeting panel is shown. */
	open = $state(false);
	busy = $state(false);
	error = $state.raw<MeetingError | null>(null);
	/** The open or last vote with this user's own ballot (counts only once revealed). */
	vote = $state.raw<VoteDetails | null>(null);
	/** The latest meeting event for screen readers (a slide shown, a vote opened or revealed); `seq` makes repeats count. */
	announcement = $state.raw<{ kind: 'slide' | 'vote-opened' | 'vote-revealed'; seq: number } | null>(null);

	readonly options: MeetingOptions;
	readonly api: MeetingApi;
	readonly #connection: MeetingConnection;
	readonly #follow: FollowController;
	#cleanups: (() => void)[] = [];
	#lastSlide: string | null = null;
	/** Applies a saved view whole (filter, style, layout, viewport): the editor's view state, once it is there. */
	#applyView: ((viewId: string) => Promise<void> | void) | null = null;
	#destroyed = false;

	constructor(options: MeetingOptions) {
		this.options = options;
		this.api = meetingApi(options.mapId);
		this.cursorsHidden = readCursorsHidden(options.user.id);
		this.#follow = new FollowController(options.editor.awareness, {
			userId: options.user.id,
			onChange: (state) => (this.following = state),
			onOwnViewport: (viewport) => (this.view = summary(viewport)),
			limits: { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM }
		});
		this.#connection = openMeetingConnection(options.mapId);
		this.#cleanups.push(this.#connection.subscribe((meeting) => this.#onMeeting(meeting)));
		// The canvas exists once the editor has drawn the map.
		this.#cleanups.push(
			$effect.root(() => {
				$effect(() => {
					const graph = options.editor.ready ? options.editor.graph : null;
					if (!graph) return;
					untrack(() => {
						this.#follow.attach({
							get: () => graph.viewport(),
							set: (view) => graph.setViewport(view),
							onChange: (listener) => graph.onViewportChange(listener)
						});
						this.#applySlide(true);
					});
				});
			})
		);
	}

	/** Owners and editors start meetings and present. */
	get canPresent(): boolean {
		return this.options.role === 'owner' || this.options.role === 'editor';
	}

	get isPresenter(): boolean {
		return this.meeting !== null && this.meeting.presenter.id === this.options.user.id;
	}

	destroy(): void {
		this.#destroyed = true;
		for (const cleanup of this.#cleanups) cleanup();
		this.#follow.destroy();
		this.#connection.destroy();
	}

	// ---- presence and following

	toggleFollow(userId: string): void {
		if (this.following?.userId === userId) this.#follow.stop();
		else this.#follow.follow(userId);
	}

	stopFollowing(): void {
		this.#follow.stop();
	}

	bringEveryone(on: boolean): void {
		this.#follow.bringEveryone(on);
		this.bringing = this.#follow.bringing;
	}

	toggleCursors(): void {
		this.cursorsHidden = !this.cursorsHidden;
		writeCursorsHidden(this.options.user.id, this.cursorsHidden);
	}

	// ---- presenter's actions (the server checks the role again)

	start(title: string, agenda: string[]): Promise<boolean> {
		return this.#run(() => this.api.start(title, agenda));
	}

	end(): Promise<boolean> {
		const id = this.meeting?.id;
		if (!id) return Promise.resolve(false);
		this.bringEveryone(false);
		return this.#run(() => this.api.end(id));
	}

	takeOver(): Promise<boolean> {
		const id = this.meeting?.id;
		return id ? this.#run(() => this.api.takeOver(id)) : Promise.resolve(false);
	}

	setSlides(slides: { viewId: string; note: string }[]): Promise<boolean> {
		const id = this.meeting?.id;
		return id ? this.#run(() => this.api.setSlides(id, slides)) : Promise.resolve(false);
	}

	showSlide(index: number): Promise<boolean> {
		const id = this.meeting?.id;
		return id ? this.#run(() => this.api.showSlide(id, index)) : Promise.resolve(false);
	}

	addDecision(text: string): Promise<boolean> {
		const id = this.meeting?.id;
		return id ? this.#run(() => this.api.addDecision(id, text)) : Promise.resolve(false);
	}

	openVote(input: { question: string; kind: string; actorIds?: string[]; votesPerPerson: number }): Promise<boolean> {
		const id = this.meeting?.id;
		return id ? this.#run(() => this.api.openVote(id, input)) : Promise.resolve(false);
	}

	async castBallot(votes: Record<string, number>): Promise<boolean> {
		const id = this.meeting?.id;
		const vote = this.meeting?.vote;
		if (!id || !vote) return false;
		const ok = await this.#run(() => this.api.castBallot(id, vote.id, votes));
		if (ok) await this.#loadVote();
		return ok;
	}

	reveal(): Promise<boolean> {
		const id = this.meeting?.id;
		const vote = this.meeting?.vote;
		return id && vote ? this.#run(() => this.api.reveal(id, vote.id)) : Promise.resolve(false);
	}

	/** Lets slides apply saved views whole (filter, style, layout and viewport), not only their viewport. */
	setViewApplier(apply: ((viewId: string) => Promise<void> | void) | null): void {
		this.#applyView = apply;
	}

	/** Shows the current slide's view here, for someone who is not following the presenter. */
	showCurrentSlide(): void {
		this.#applySlide(true, true);
	}

	// ---- internals

	async #run(action: () => Promise<ApiResult<unknown>>): Promise<boolean> {
		this.busy = true;
		this.error = null;
		try {
			const result = await action();
			if (!result.ok) this.error = { code: result.code, message: result.message };
			return result.ok;
		} finally {
			this.busy = false;
		}
	}

	#onMeeting(meeting: MeetingState | null): void {
		const before = this.meeting;
		this.meeting = meeting;
		this.#follow.setPresenter(meeting?.presenter.id ?? null);
		this.bringing = this.#follow.bringing;
		if (meeting && (!before || before.id !== meeting.id)) this.open = true;
		if (meeting?.vote?.id !== before?.vote?.id || meeting?.vote?.status !== before?.vote?.status) void this.#loadVote();
		if (meeting?.vote && meeting.vote.status !== before?.vote?.status && meeting.vote.id === before?.vote?.id) this.#announce('vote-revealed');
		else if (meeting?.vote && meeting.vote.id !== before?.vote?.id) this.#announce('vote-opened');
		this.#applySlide(false);
	}

	#announce(kind: 'slide' | 'vote-opened' | 'vote-revealed'): void {
		this.announcement = { kind, seq: (this.announcement?.seq ?? 0) + 1 };
	}

	async #loadVote(): Promise<void> {
		const meeting = this.meeting;
		if (!meeting?.vote) {
			this.vote = null;
			return;
		}
		const result = await this.api.getVote(meeting.id, meeting.vote.id);
		if (!this.#destroyed && result.ok && this.meeting?.vote?.id === result.data.id) this.vote = result.data;
	}

	/**
	 * A slide is a saved view. The presenter's tab shows it whole; a follower of the presenter takes its
	 * filter and style too, then shows the presenter's area again (canvases differ in size). Without the
	 * editor's view state (no applier), only the view's viewport is shown.
	 */
	#applySlide(force: boolean, here = false): void {
		const meeting = this.meeting;
		const slide = meeting && meeting.slide >= 0 ? meeting.slides[meeting.slide] : undefined;
		const key = slide && meeting ? `${meeting.id}:${meeting.slide}` : null;
		if (key === this.#lastSlide && !force) return;
		this.#lastSlide = key;
		if (!slide || !meeting) return;
		if (!force) this.#announce('slide');
		const followsPresenter = this.following?.userId === meeting.presenter.id;
		if (!here && !this.isPresenter && !followsPresenter) return;
		const graph = this.options.editor.graph;
		if (!graph) return;
		const apply = this.#applyView;
		if (apply) {
			void this.#follow.whileShowingLeader(() => apply(slide.viewId));
			return;
		}
		const view = this.options.editor.model.view(slide.viewId);
		if (view?.viewport && (this.isPresenter || here)) graph.setViewport(view.viewport);
	}
}

function summary(viewport: Viewport): { x: number; y: number; zoom: number } {
	const centre = viewCentre(viewport);
	return { x: centre.x, y: centre.y, zoom: viewport.zoom };
}
