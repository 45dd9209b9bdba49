import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { badRequest } from '$lib/server/errors';
import { CURRENT, compareVersions } from '$lib/server/versions';

/** `?from=<version id|current>&to=<version id|current>`: actors, links and regions added, removed, changed. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	const from = event.url.searchParams.get('from');
	const to = event.url.searchParams.get('to') ?? CURRENT;
	if (!from) throw badRequest('invalid_compare', 'Say what to compare: ?from=<version id>&to=<version id or current>.');
	return json({ from, to, ...(await compareVersions(services(), map.id, from, to)) });
});
