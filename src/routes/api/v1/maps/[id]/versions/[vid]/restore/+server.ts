import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { restoreVersion } from '$lib/server/versions';

/** Brings the map back to this version as a forward change every connected client receives. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'editor');
	const { restored, saved } = await restoreVersion(services(), map.id, event.params.vid!, user);
	return json({ restored: restored.id, savedBefore: saved.id });
});
