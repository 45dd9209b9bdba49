// Draws collaborators' pointers as small labelled HTML markers in a layer above the canvas, kept in place as the view pans and zooms.
import type cytoscape from 'cytoscape';
import type { PeerState } from '$lib/collab/awareness-state';
import { textColourOn } from './colour';

export const CURSOR_CLASS = 'kartta-cursor';
const WHITE = '#ffffff';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** A pointer arrow, tip at (0, 0). */
const ARROW_POINTS = '0,0 0,16 4.5,12 8,19 10.5,18 7,11 12.5,11';

interface Marker {
	element: HTMLDivElement;
	label: HTMLSpanElement;
	arrow: SVGPolygonElement;
	peer: PeerState;
}

export class CursorLayer {
	readonly #layer: HTMLElement;
	readonly #cy: cytoscape.Core;
	readonly #markers = new Map<number, Marker>();
	readonly #onViewport = () => this.#positionAll();

	/** `layer` is an element stacked over the canvas with pointer-events: none. */
	constructor(layer: HTMLElement, cy: cytoscape.Core) {
		this.#layer = layer;
		this.#cy = cy;
		cy.on('viewport resize', this.#onViewport);
	}

	update(peers: readonly PeerState[]): void {
		const seen = new Set<number>();
		for (const peer of peers) {
			if (peer.cursor === null) continue;
			seen.add(peer.clientID);
			const marker = this.#markers.get(peer.clientID) ?? this.#create(peer);
			marker.peer = peer;
			this.#style(marker);
			this.#position(marker);
		}
		for (const [clientID, marker] of this.#markers) {
			if (seen.has(clientID)) continue;
			marker.element.remove();
			this.#markers.delete(clientID);
		}
	}

	destroy(): void {
		this.#cy.off('viewport resize', this.#onViewport);
		for (const marker of this.#markers.values()) marker.element.remove();
		this.#markers.clear();
	}

	#create(peer: PeerState): Marker {
		const element = document.createElement('div');
		element.className = CURSOR_CLASS;
		const svg = document.createElementNS(SVG_NS, 'svg');
		svg.setAttribute('width', '14');
		svg.setAttribute('height', '20');
		svg.setAttribute('viewBox', '-1 -1 14 21');
		const arrow = document.createElementNS(SVG_NS, 'polygon');
		arrow.setAttribute('points', ARROW_POINTS);
		arrow.setAttribute('stroke', WHITE);
		arrow.setAttribute('stroke-width', '1.5');
		svg.append(arrow);
		const label = document.createElement('span');
		element.append(svg, label);
		this.#layer.append(element);
		const marker = { element, label, arrow, peer };
		this.#markers.set(peer.clientID, marker);
		return marker;
	}

	#style(marker: Marker): void {
		const { color, name } = marker.peer.user;
		// textContent, never innerHTML: the name comes from another user.
		if (marker.label.textContent !== name) marker.label.textContent = name;
		marker.arrow.setAttribute('fill', color);
		marker.label.style.background = color;
		marker.label.style.color = textColourOn(color);
	}

	#positionAll(): void {
		for (const marker of this.#markers.values()) this.#position(marker);
	}

	#position(marker: Marker): void {
		const cursor = marker.peer.cursor;
		if (cursor === null) return;
		const zoom = this.#cy.zoom();
		const pan = this.#cy.pan();
		const x = cursor.x * zoom + pan.x;
		const y = cursor.y * zoom + pan.y;
		const width = this.#cy.width();
		const height = this.#cy.height();
		// Off-screen pointers are hidden rather than drawn over the toolbar or side panel.
		marker.element.hidden = x < 0 || y < 0 || x > width || y > height;
		marker.element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
	}
}
