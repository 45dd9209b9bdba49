import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { parseRole, removeMember, requireRole, setMemberRole } from '$lib/server/maps';

const RoleBody = z.object({ role: z.string() });

/** Adds a member or changes their role (owners only); open sockets take the new role at once. */
export const PUT = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'owner');
	const { role } = await readJson(event.request, RoleBody);
	const member = await setMemberRole(services(), user, map.id, event.params.username!, parseRole(role));
	return json({ member });
});

/** Removes a member (owners only); their open sockets close at once. */
export const DELETE = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'owner');
	await removeMember(services(), user, map.id, event.params.username!);
	return new Response(null, { status: 204 });
});
