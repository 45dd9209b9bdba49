// WCAG colour arithmetic: relative luminance and contrast ratio of #rrggbb colours (used to prove our palette's contrast).

/** WCAG 2.1 SC 1.4.11: graphics that carry meaning need 3:1 against their background. */
export const GRAPHICS_CONTRAST = 3;
/** WCAG 2.1 SC 1.4.3: body text needs 4.5:1. */
export const TEXT_CONTRAST = 4.5;

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The red, green and blue channels (0–255) of a #rrggbb colour. */
export function hexChannels(hex: string): [number, number, number] {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
	return match.slice(1).map((part) => parseInt(part, 16)) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
	const [r, g, b] = hexChannels(hex).map(channel) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

const WHITE = '#ffffff';
const BLACK = '#000000';

/**
 * Text on a coloured badge (a collaborator's colour): white or black, whichever contrasts more.
 * One of the two always reaches 4.5:1, whatever the background.
 */
export function textColourOn(background: string): string {
	return contrastRatio(background, WHITE) >= contrastRatio(background, BLACK) ? WHITE : BLACK;
}
