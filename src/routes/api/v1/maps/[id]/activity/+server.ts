import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { parseActivityFilters, readActivity } from '$lib/server/activity';

/** Who changed what and when: `?user=<username>&element=<id>&since=<date>&until=<date>&limit=<n>`, newest first. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	const filters = parseActivityFilters(event.url.searchParams);
	return json({ activity: await readActivity(services(), map.id, filters) });
});
