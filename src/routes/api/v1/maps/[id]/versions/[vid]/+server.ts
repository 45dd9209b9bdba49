import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { versionSnapshot } from '$lib/server/versions';

/** One version's content, read-only, in the same shape as GET /maps/:id/document. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	return json({ id: event.params.vid, ...(await versionSnapshot(services(), map.id, event.params.vid!)) });
});
