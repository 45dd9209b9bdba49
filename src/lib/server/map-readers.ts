// Who may read a map's analysis pages (town comparison, report) and its overview: its members, and a guest whose view-only share link is for this map.
import type { RequestEvent } from '@sveltejs/kit';
import { services } from './context';
import { requireRole } from './maps';
import { requireLogin } from './pages';
import type { MapRecord } from './storage/types';

/**
 * A steering group reads the report through the owner's share link, like the map itself; anyone
 * else must be logged in and a member (the editor page decides the same way, guests first).
 * Throws an AppError (404/403) otherwise; without a login, `requireAccount` decides (pages redirect
 * to the login page, the API answers 401 with `requireUser`).
 */
export async function readableMap(
	event: RequestEvent,
	mapId: string,
	requireAccount: (event: RequestEvent) => { id: string } = requireLogin
): Promise<{ map: MapRecord; guest: boolean }> {
	const share = event.locals.share;
	if (share && share.mapId === mapId) {
		const map = await services().storage.getMap(mapId);
		if (map) return { map, guest: true };
	}
	const user = requireAccount(event);
	const { map } = await requireRole(services(), mapId, user.id, 'viewer');
	return { map, guest: false };
}
