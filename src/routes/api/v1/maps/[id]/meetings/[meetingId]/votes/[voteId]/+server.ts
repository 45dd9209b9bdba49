import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { getVote } from '$lib/server/meetings';

/** A vote with the caller's own ballot; counts only once revealed. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json(await getVote(services(), user, event.params.id!, event.params.meetingId!, event.params.voteId!));
});
