import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { notFound } from '$lib/server/errors';
import { overviewAnswer } from '$lib/server/overview';
import { OVERVIEW_ELEMENTS_HEADER } from '$lib/map';

/**
 * Where the map's actors and links are and what kind each is, without names or details: the editor
 * draws it while a large map's live document is still on its way. For members and for guests with
 * this map's share link (the editor page lets both in).
 */
export const GET = api(async (event) => {
	const mapId = event.params.id!;
	const share = event.locals.share;
	if (share && share.mapId === mapId) {
		if (!(await services().storage.getMap(mapId))) throw notFound('No such map, or you are not a member of it.');
	} else {
		await requireRole(services(), mapId, requireUser(event).id, 'viewer');
	}
	const { json, elements } = overviewAnswer(await services().sync.readDocument(mapId));
	return new Response(json, {
		headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store', [OVERVIEW_ELEMENTS_HEADER]: String(elements) }
	});
});
