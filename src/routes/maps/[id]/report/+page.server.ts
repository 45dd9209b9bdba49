import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { mapSnapshot } from '$lib/server/maps';
import { discussionSnapshot } from '$lib/server/discussion';
import { readableMap } from '$lib/server/map-readers';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/**
 * The printable report of the whole map or one town (`?town=<regionId>`; an unknown one reports the
 * whole map): the map and its discussion as they are now, and members' names for target owners
 * (not for a share-link guest, who sees no member list anywhere). The figures are computed in the
 * browser (see page-analysis.ts).
 */
export const load: PageServerLoad = async (event) => {
	try {
		const { map, guest } = await readableMap(event, event.params.id);
		const [snapshot, discussion, members] = await Promise.all([
			mapSnapshot(services(), map.id),
			discussionSnapshot(services(), map.id),
			guest ? [] : services().storage.listMembers(map.id)
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
