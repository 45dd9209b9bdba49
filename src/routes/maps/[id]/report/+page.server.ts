import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { mapSnapshot, requireRole } from '$lib/server/maps';
import { discussionSnapshot } from '$lib/server/discussion';
import { requireLogin } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/**
 * The printable report of the whole map or one town (`?town=<regionId>`; an unknown one reports the
 * whole map): the map and its discussion as they are now, and members' names for target owners.
 * The figures are computed in the browser (see page-analysis.ts).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const [snapshot, discussion, members] = await Promise.all([
			mapSnapshot(services(), map.id),
			discussionSnapshot(services(), map.id),
			services().storage.listMembers(map.id)
		]);
		const requested = event.url.searchParams.get('town');
		const town = snapshot.regions.some((region) => region.id === requested) ? requested : null;
		return {
			map: { id: map.id, title: map.title },
			snapshot,
			discussion,
			town,
			people: members.map((member) => ({ id: member.userId, name: member.displayName || member.username })),
			createdAt: Date.now()
		};
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
