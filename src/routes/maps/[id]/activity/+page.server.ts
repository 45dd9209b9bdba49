import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { mapSnapshot, requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { parseActivityFilters, readActivity } from '$lib/server/activity';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The map's activity log with filters (person, element, dates); element ids resolved to current names. */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const filters = parseActivityFilters(event.url.searchParams);
		const [activity, members, snapshot] = await Promise.all([
			readActivity(services(), map.id, filters),
			services().storage.listMembers(map.id),
			mapSnapshot(services(), map.id)
		]);
		const names: Record<string, string> = {};
		for (const actor of snapshot.actors) names[actor.id] = actor.name;
		for (const region of snapshot.regions) names[region.id] = region.name;
		for (const link of snapshot.links) {
			const from = names[link.source] ?? link.source;
			const to = names[link.target] ?? link.target;
			names[link.id] = `${from} → ${to}`;
		}
		return {
			map: { id: map.id, title: map.title },
			filters,
			activity,
			names,
			members: members.map((m) => ({ username: m.username, displayName: m.displayName }))
		};
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
