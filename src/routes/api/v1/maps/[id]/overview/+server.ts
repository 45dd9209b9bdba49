import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { readableMap } from '$lib/server/map-readers';
import { OVERVIEW_ELEMENTS_HEADER } from '$lib/map';

/**
 * Where the map's actors and links are and what kind each is, without names or details: the editor
 * draws it while a large map's live document is still on its way. For members and for guests with
 * this map's share link (the editor page lets both in).
 */
export const GET = api(async (event) => {
	const { map } = await readableMap(event, event.params.id!, requireUser);
	const { json, elements } = await services().sync.readOverview(map.id);
	return new Response(json, {
		headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store', [OVERVIEW_ELEMENTS_HEADER]: String(elements) }
	});
});
