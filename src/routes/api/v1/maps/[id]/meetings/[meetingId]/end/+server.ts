import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { endMeeting } from '$lib/server/meetings';

/** Ends the meeting and saves the map's version at its end (owners and editors). */
export const POST = api(async (event) => {
	const user = requireUser(event);
	return json(await endMeeting(services(), user, event.params.id!, event.params.meetingId!));
});
