import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { getMeeting } from '$lib/server/meetings';

/** One meeting's record: attendees, agenda, slides, decisions and its votes (counts only once revealed). */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json(await getMeeting(services(), user, event.params.id!, event.params.meetingId!));
});
