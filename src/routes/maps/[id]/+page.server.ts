import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { guestUser } from '$lib/server/auth/sessions';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The editor page: the map's title and the caller's role; the document itself comes over the socket. */
export const load: PageServerLoad = async (event) => {
	const guest = await guestView(event.locals.share, event.params.id);
	if (guest) return guest;
	const user = requireLogin(event);
	try {
		const { map, role } = await requireRole(services(), event.params.id, user.id, 'viewer');
		// Members, for names in the discussion (it stores user ids) and @mention suggestions.
		const members = (await services().storage.listMembers(map.id)).map((m) => ({ id: m.userId, username: m.username, displayName: m.displayName, role: m.role }));
		return { map: { id: map.id, title: map.title }, role, user, members };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};

/** A guest with a share link for this map sees it as a viewer, under the link's label. */
async function guestView(share: App.Locals['share'], mapId: string) {
	if (!share || share.mapId !== mapId) return null;
	const map = await services().storage.getMap(mapId);
	if (!map) return null;
	const user = { ...guestUser({ id: share.linkId, label: share.label }) };
	return { map: { id: map.id, title: map.title }, role: 'viewer' as const, user, members: [] };
}
