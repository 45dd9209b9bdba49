import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { revealVote } from '$lib/server/meetings';

/** Counts the ballots, closes the vote and shows the results to everyone (owners and editors). */
export const POST = api(async (event) => {
	const user = requireUser(event);
	return json(await revealVote(services(), user, event.params.id!, event.params.meetingId!, event.params.voteId!));
});
