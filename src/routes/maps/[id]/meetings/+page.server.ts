import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { getMeeting } from '$lib/server/meetings';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** The map's meetings, newest first, each with its whole record (attendees, agenda, slides, decisions, votes). */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const list = await services().storage.listMeetings(map.id);
		const meetings = await Promise.all(list.map((meeting) => getMeeting(services(), user, map.id, meeting.id)));
		return { map: { id: map.id, title: map.title }, meetings };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
