// The Content-Disposition of a download, carrying its file name safely for every client.
import { FALLBACK_DOWNLOAD_NAME } from '$lib/shared/download-name';

/** The same name in plain ASCII, for clients that ignore `filename*` (ä → a, others → hyphen). */
function asciiFileName(fileName: string): string {
	const ascii = fileName
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[-.]+/, '');
	return ascii || FALLBACK_DOWNLOAD_NAME;
}

/** `attachment` with an ASCII `filename` and the exact UTF-8 name in `filename*` (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}
