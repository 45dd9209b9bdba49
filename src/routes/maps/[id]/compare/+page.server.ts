import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { mapSnapshot } from '$lib/server/maps';
import { readableMap } from '$lib/server/map-readers';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The town comparison: the map as it is now (members, and a guest with this map's share link); the figures are computed in the browser (see page-analysis.ts). */
export const load: PageServerLoad = async (event) => {
	try {
		const { map } = await readableMap(event, event.params.id);
		return { map: { id: map.id, title: map.title }, snapshot: await mapSnapshot(services(), map.id) };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
