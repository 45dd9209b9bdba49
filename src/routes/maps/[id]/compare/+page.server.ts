import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { mapSnapshot, requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The town comparison: the map as it is now (members, viewers up); the figures are computed in the browser (see page-analysis.ts). */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map } = await requireRole(services(), event.params.id, user.id, 'viewer');
		return { map: { id: map.id, title: map.title }, snapshot: await mapSnapshot(services(), map.id) };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
