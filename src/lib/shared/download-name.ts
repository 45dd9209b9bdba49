// A download's base name from a map's title, the same on the server (exports) and in the browser (images of the view).

/** Longest base name (without extension) a download gets. */
export const MAX_DOWNLOAD_NAME_LENGTH = 80;
/** The name when a title leaves nothing usable (blank, or only punctuation). */
export const FALLBACK_DOWNLOAD_NAME = 'kartta';

/**
 * Letters and digits of any script are kept; everything else (slashes, dots, quotes, controls,
 * spaces) becomes one hyphen, so the name can never leave the download folder or break the header.
 */
export function downloadBaseName(title: string | null | undefined): string {
	const cleaned = (title ?? '')
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	const cut = [...cleaned].slice(0, MAX_DOWNLOAD_NAME_LENGTH).join('').replace(/-+$/, '');
	return cut || FALLBACK_DOWNLOAD_NAME;
}
