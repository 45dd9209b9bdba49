import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The editor page: the map's title and the caller's role; the document itself comes over the socket. */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map, role } = await requireRole(services(), event.params.id, user.id, 'viewer');
		return { map: { id: map.id, title: map.title }, role, user };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
