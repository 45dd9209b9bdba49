import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { discussionSnapshot } from '$lib/server/discussion';

/** The map's gaps, targets, growth-sector notes and comment threads as JSON (field names as in schema.md). */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	return json({ id: map.id, ...(await discussionSnapshot(services(), map.id)) });
});
