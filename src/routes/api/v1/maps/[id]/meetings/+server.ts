import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { listMeetings, startMeeting, startMeetingBody } from '$lib/server/meetings';

/** The map's meetings, newest first (members). */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json({ meetings: await listMeetings(services(), user, event.params.id!) });
});

/** Starts a meeting `{title, agenda}` (owners and editors); 409 `meeting_running` when one runs already. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const body = await readJson(event.request, startMeetingBody);
	return json(await startMeeting(services(), user, event.params.id!, body), { status: 201 });
});
