import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { mapSnapshot, requireRole } from '$lib/server/maps';
import { exportOfMap, parseCsvPart, parseExportFormat } from '$lib/server/exchange';
import { attachmentDisposition } from '$lib/server/download';

/** The map as a file (`?format=xlsx|csv|json|graphml|gexf`, `&part=elements|connections` for CSV), for any member. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	const format = parseExportFormat(event.url.searchParams.get('format'));
	const part = parseCsvPart(event.url.searchParams.get('part'));
	const file = await exportOfMap(await mapSnapshot(services(), map.id), map.title, format, part);
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.mimeType,
			'content-disposition': attachmentDisposition(file.fileName),
			'content-length': String(file.bytes.byteLength),
			// A map's content is private to its members: never kept by shared caches.
			'cache-control': 'private, no-store'
		}
	});
});
