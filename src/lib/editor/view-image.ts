// The canvas's current view as an image file: PNG from Cytoscape itself, SVG through the cytoscape-svg extension.
import cytoscape from 'cytoscape';

export type ViewImageFormat = 'png' | 'svg';

/** Pixels per screen pixel in a PNG: sharp enough to print or put on a slide. */
export const PNG_SCALE = 2;
/** Exports are drawn on white, as the canvas is: a transparent image would vanish on dark slides. */
export const IMAGE_BACKGROUND = '#fff';

interface SvgCore {
	svg(options: { full: boolean; scale: number; bg: string }): string;
}

let svgRegistered: Promise<void> | null = null;

/** cytoscape-svg touches `window` when loaded, so it is loaded in the browser, on first use only. */
function registerSvg(): Promise<void> {
	svgRegistered ??= import('cytoscape-svg').then(({ default: svg }) => void cytoscape.use(svg));
	return svgRegistered;
}

/** What is on screen now (not the whole map): `full: false`, like the view the user is looking at. */
export async function viewImage(cy: cytoscape.Core, format: ViewImageFormat): Promise<Blob> {
	if (format === 'png') return cy.png({ output: 'blob-promise', full: false, scale: PNG_SCALE, bg: IMAGE_BACKGROUND });
	await registerSvg();
	const text = (cy as unknown as SvgCore).svg({ full: false, scale: 1, bg: IMAGE_BACKGROUND });
	return new Blob([text], { type: 'image/svg+xml' });
}
