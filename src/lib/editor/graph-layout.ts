// Layouts on the live graph: lays out the visible actors and commits them as one move (gliding there on screen), or shows a saved view's layout on this screen only.
import type cytoscape from 'cytoscape';
import type { MapModel, Position } from '$lib/map';
import { HIDDEN_CLASS } from './style';
import { runLayout } from './layout/run';
import type { LayoutInput, LayoutName } from './layout/compute';

/** A layout's nodes glide to their new places this long; skipped on big maps and for reduced motion. */
const LAYOUT_ANIMATION_MS = 450;
const MAX_ANIMATED_NODES = 800;
/** Space (px) left around the laid-out actors when the view follows them. */
const FIT_PADDING = 40;

function prefersReducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function boxOf(positions: Iterable<Position>) {
	let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { x, y } of positions) {
		[x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x), Math.max(y2, y)];
	}
	return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

export interface GraphLayoutOptions {
	readOnly: boolean;
	/** Closes the current undo step, so the layout is one of its own. */
	onGestureStart(): void;
}

export class GraphLayout {
	readonly #cy: cytoscape.Core;
	readonly #model: MapModel;
	readonly #options: GraphLayoutOptions;
	/** Nodes gliding to a layout's positions: the document already has them, the canvas catches up. */
	readonly #gliding = new Set<string>();
	/** A saved view's layout shown on this screen only (not in the document), or null. */
	#arrangement: Map<string, Position> | null = null;
	#settleTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(cy: cytoscape.Core, model: MapModel, options: GraphLayoutOptions) {
		this.#cy = cy;
		this.#model = model;
		this.#options = options;
	}

	/** True while the layout owns a node's position (gliding there, or arranged for a view). */
	holdsPosition(id: string): boolean {
		return this.#gliding.has(id) || this.#arrangement?.has(id) === true;
	}

	get arranged(): boolean {
		return this.#arrangement !== null;
	}

	destroy(): void {
		if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
	}

	/**
	 * Lays out the visible actors and writes every new position as ONE moveActors transaction:
	 * one update for collaborators, one undo step. Returns where the layout ran.
	 */
	async apply(name: LayoutName): Promise<'main' | 'worker'> {
		this.clearArrangement();
		const { positions, where } = await runLayout(this.#input(name));
		const moves = new Map(Object.entries(positions).filter(([id]) => this.#model.actor(id) !== undefined));
		if (moves.size === 0) return where;
		const animate = !this.#options.readOnly && moves.size <= MAX_ANIMATED_NODES && !prefersReducedMotion();
		if (animate) for (const id of moves.keys()) this.#gliding.add(id);
		this.#options.onGestureStart();
		this.#model.moveActors(moves);
		if (animate) this.#glide(moves);
		else this.#fitTo(moves.values(), false);
		return where;
	}

	/** Shows a saved view's layout on this screen only; the document keeps its positions. */
	async arrange(name: LayoutName): Promise<void> {
		const { positions } = await runLayout(this.#input(name));
		const arrangement = new Map(Object.entries(positions));
		this.#arrangement = arrangement;
		this.#cy.autoungrabify(true);
		this.#cy.batch(() => {
			for (const [id, pos] of arrangement) this.#cy.getElementById(id).position({ ...pos });
		});
		this.#fitTo(arrangement.values(), false);
	}

	/** Back to the document's positions. */
	clearArrangement(): void {
		if (this.#arrangement === null) return;
		const ids = [...this.#arrangement.keys()];
		this.#arrangement = null;
		this.#cy.autoungrabify(this.#options.readOnly);
		this.#cy.batch(() => {
			for (const id of ids) {
				const actor = this.#model.actor(id);
				if (actor) this.#cy.getElementById(id).position({ ...actor.pos });
			}
		});
	}

	/** Editors can keep an arrangement: its positions go into the document as one move. */
	keepArrangement(): void {
		if (this.#arrangement === null || this.#options.readOnly) return;
		const moves = new Map([...this.#arrangement].filter(([id]) => this.#model.actor(id) !== undefined));
		this.#arrangement = null;
		this.#cy.autoungrabify(false);
		this.#options.onGestureStart();
		if (moves.size > 0) this.#model.moveActors(moves);
	}

	/** The visible actors (all of them when the filter shows none), as a layout's input. */
	#input(name: LayoutName): LayoutInput {
		const shown = new Set(this.#cy.nodes().not(`.${HIDDEN_CLASS}`).map((node) => node.id()));
		const actors = this.#model.actors().filter((actor) => shown.size === 0 || shown.has(actor.id));
		actors.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name.localeCompare(b.name)));
		return {
			name,
			actors: actors.map((actor) => ({ id: actor.id, group: actor.region ?? null, pos: { ...this.#cy.getElementById(actor.id).position() } })),
			links: this.#model.links().filter((link) => !link.dangling).map(({ source, target }) => ({ source, target }))
		};
	}

	/** The view follows the laid-out actors (a layout may be much smaller or larger than before). */
	#fitTo(positions: Iterable<Position>, animate: boolean): void {
		const box = boxOf(positions);
		if (!Number.isFinite(box.x1)) return;
		// Cytoscape's fit takes a bounding box as well as elements, though its types say otherwise.
		const eles = box as unknown as cytoscape.CollectionArgument;
		if (animate) this.#cy.animate({ fit: { eles, padding: FIT_PADDING } }, { duration: LAYOUT_ANIMATION_MS, easing: 'ease-in-out-cubic' });
		else this.#cy.fit(eles, FIT_PADDING);
	}

	#glide(moves: ReadonlyMap<string, Position>): void {
		for (const [id, pos] of moves) {
			const node = this.#cy.getElementById(id);
			if (node.nonempty()) node.animate({ position: { ...pos } }, { duration: LAYOUT_ANIMATION_MS, easing: 'ease-in-out-cubic' });
		}
		this.#fitTo(moves.values(), true);
		this.#settleTimer = setTimeout(() => {
			this.#settleTimer = null;
			// Settle on the document's positions: a collaborator may have moved something meanwhile.
			for (const id of moves.keys()) {
				this.#gliding.delete(id);
				const node = this.#cy.getElementById(id);
				const actor = this.#model.actor(id);
				if (node.nonempty() && actor && !node.grabbed()) {
					node.stop();
					node.position({ ...actor.pos });
				}
			}
		}, LAYOUT_ANIMATION_MS + 50);
	}
}
