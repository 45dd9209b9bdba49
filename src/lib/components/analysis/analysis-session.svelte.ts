// The open map's network analysis in the editor: runs it off the main thread, re-runs it after changes while anyone looks at it, and hands the figures to the canvas, the table and the gap finder.
import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages';
import { DEFAULT_RESOLUTION, DEFAULT_SEED, type ActorMetrics, type Analysis, type GapRule, type GapSuggestion } from '$lib/analysis/types';
import type { AnalysisRunner } from '$lib/analysis/client';
import type { GapType } from '$lib/map/discussion';
import type { MapSnapshot } from '$lib/map';
import type { EditorSession, ActionResult } from '$lib/components/editor/editor-session.svelte';
import type { MapViewSession } from '$lib/components/view/view-session.svelte';
import { usesMetric } from '$lib/editor/view/view-state';
import { metricValues } from './metric-values';
import { planClusterField } from './clusters';

/** Edits come in bursts (a drag, a paste, a collaborator typing): the analysis waits for a pause this long. */
export const ANALYSIS_DEBOUNCE_MS = 800;
/** Louvain resolutions offered: below 0.1 everything is one community, above 10 nearly every actor is its own. */
export const MIN_RESOLUTION = 0.1;
export const MAX_RESOLUTION = 10;
export const MAX_SEED = 1_000_000;

const CONTEXT_KEY = Symbol('kartta-analysis');

type Core = typeof import('$lib/analysis');

export class AnalysisSession {
	open = $state(false);
	/** The latest finished analysis and the map it was computed from. */
	result = $state.raw<Analysis | null>(null);
	snapshot = $state.raw<MapSnapshot | null>(null);
	/** Actor id -> figures of the latest analysis. */
	byActor = $state.raw<ReadonlyMap<string, ActorMetrics>>(new Map());
	/** Rule-based gap suggestions for the latest analysis (accepted and dismissed ones included). */
	suggestions = $state.raw<GapSuggestion[]>([]);
	running = $state(false);
	failed = $state(false);
	resolution = $state(DEFAULT_RESOLUTION);
	seed = $state(DEFAULT_SEED);

	readonly editor: EditorSession;
	readonly view: MapViewSession;
	#core: Core | null = null;
	#runner: AnalysisRunner | null = null;
	/** Once started, every change is re-analysed (after a pause) while the panel is open or the canvas is styled by a metric. */
	#started = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Results of runs overtaken by a newer one are dropped. */
	#generation = 0;
	#destroyed = false;
	#cleanups: (() => void)[] = [];

	constructor(editor: EditorSession, view: MapViewSession) {
		this.editor = editor;
		this.view = view;
		this.#cleanups.push(
			editor.model.observe(() => {
				if (this.#started && this.#wanted) this.#schedule();
			}),
			// Styling by a metric (also from a saved view) needs the figures, panel open or not.
			$effect.root(() => {
				$effect(() => {
					if (this.#styledByMetric && this.editor.ready) this.start();
				});
			})
		);
	}

	destroy(): void {
		this.#destroyed = true;
		for (const cleanup of this.#cleanups) cleanup();
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#runner?.destroy();
	}

	get #styledByMetric(): boolean {
		return usesMetric(this.view.style);
	}

	get #wanted(): boolean {
		return this.open || this.#styledByMetric;
	}

	/** Analyses now (and from then on after changes); the first call loads the analysis code. */
	start(): void {
		this.#started = true;
		void this.#run();
	}

	/** A new Louvain resolution or seed: communities are recomputed at once. */
	setCommunityOptions(resolution: number, seed: number): void {
		if (Number.isFinite(resolution)) this.resolution = Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, resolution));
		if (Number.isFinite(seed)) this.seed = Math.min(MAX_SEED, Math.max(0, Math.round(seed)));
		this.start();
	}

	/** The suggestions no gap has been accepted or dismissed for. */
	pending(gaps: readonly { suggestion?: string }[]): GapSuggestion[] {
		return this.#core ? this.#core.pendingSuggestions(this.suggestions, gaps) : [];
	}

	/** The kind of gap a rule's suggestion becomes (the core decides it); 'other' before the core has loaded. */
	gapType(rule: GapRule): GapType {
		return this.#core?.GAP_TYPE_OF_RULE[rule] ?? 'other';
	}

	/**
	 * Writes each actor's community into a choice field (added, or the one of that name updated) as
	 * one edit: one undo step. Editors and owners only; the session refuses for others.
	 */
	saveClusters(): ActionResult & { fieldId?: string } {
		const result = this.result;
		if (!result) return { ok: true };
		let fieldId = '';
		const outcome = this.editor.edit((model) => {
			const plan = planClusterField(result, model.fields(), m.analysis_cluster_field_name(), (number) => m.analysis_cluster_option({ number: String(number) }));
			model.transact(() => {
				if (plan.fieldId === null) fieldId = model.addField({ name: m.analysis_cluster_field_name(), type: 'choice', appliesTo: 'actor', options: plan.options });
				else {
					fieldId = plan.fieldId;
					model.updateField(fieldId, { options: plan.options });
				}
				for (const actor of model.actors()) model.setCustomValue('actor', actor.id, fieldId, plan.values.get(actor.id) ?? null);
			});
		});
		return outcome.ok ? { ok: true, fieldId } : outcome;
	}

	#schedule(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.#run();
		}, ANALYSIS_DEBOUNCE_MS);
	}

	async #run(): Promise<void> {
		if (this.#destroyed || !this.editor.ready) return;
		const generation = ++this.#generation;
		this.running = true;
		try {
			// Loaded on first use: graphology and the metrics stay out of the editor's first download.
			if (!this.#core || !this.#runner) {
				const core = await import('$lib/analysis');
				if (this.#destroyed) return;
				this.#core = core;
				this.#runner ??= core.createAnalysisRunner();
			}
			const snapshot = this.editor.model.snapshot();
			const analysis = await this.#runner.analyse(snapshot, { resolution: this.resolution, seed: this.seed });
			if (generation !== this.#generation || this.#destroyed) return;
			this.snapshot = snapshot;
			this.result = analysis;
			this.byActor = new Map(analysis.actors.map((actor) => [actor.id, actor]));
			// The rules run here, not in the worker (half a second at 10,000 actors): only for the panel, not for styling alone.
			if (this.open) this.suggestions = this.#core.findGaps(snapshot, analysis, { now: Date.now() });
			this.failed = false;
			this.view.setMetrics(metricValues(analysis));
		} catch (error) {
			if (generation !== this.#generation || this.#core?.isSuperseded(error)) return;
			this.failed = true;
			console.warn('Analysis failed', error);
		} finally {
			if (generation === this.#generation) this.running = false;
		}
	}
}

/** The editor shares its analysis with the components inside it; it exists only once the editor has mounted, hence a getter. */
export function setAnalysisContext(get: () => AnalysisSession | null): void {
	setContext(CONTEXT_KEY, get);
}

/** The editor's analysis, if this component sits in an editor and it has started (the table shows metric columns from it). */
export function getAnalysisContext(): (() => AnalysisSession | null) | undefined {
	return getContext<(() => AnalysisSession | null) | undefined>(CONTEXT_KEY);
}
