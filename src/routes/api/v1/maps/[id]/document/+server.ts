import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { mapSnapshot, requireRole } from '$lib/server/maps';

/** The map's actors, links and regions as JSON, with the schema's field names. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	return json({ id: map.id, ...(await mapSnapshot(services(), map.id)) });
});
