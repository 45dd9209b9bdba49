import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map, role } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	const members = await services().storage.listMembers(map.id);
	return json({
		id: map.id,
		title: map.title,
		role,
		createdAt: new Date(map.createdAt).toISOString(),
		members: members.map((m) => ({ username: m.username, displayName: m.displayName, role: m.role }))
	});
});
