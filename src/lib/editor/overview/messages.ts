// What the page and the overview worker say to each other.

export interface OverviewRequest {
	/** The overview as the server sent it (JSON bytes; transferred). */
	body: ArrayBuffer;
	/** The canvas's size in CSS px, and device pixels per CSS px. */
	width: number;
	height: number;
	ratio: number;
	/** Smaller maps (actors + links) are not drawn: their graph appears about as soon. */
	minElements: number;
}

export type OverviewReply =
	/** RGBA pixels, `width` × `height` device px (transferred). */
	| { type: 'drawn'; pixels: ArrayBuffer; width: number; height: number; actors: number; links: number }
	| { type: 'skipped'; reason: string };
