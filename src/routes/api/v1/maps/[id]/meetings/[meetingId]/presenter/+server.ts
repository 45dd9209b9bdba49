import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { takeOverPresenting } from '$lib/server/meetings';

/** The caller (an owner or editor) becomes the meeting's presenter. */
export const PUT = api(async (event) => {
	const user = requireUser(event);
	await takeOverPresenting(services(), user, event.params.id!, event.params.meetingId!);
	return new Response(null, { status: 204 });
});
