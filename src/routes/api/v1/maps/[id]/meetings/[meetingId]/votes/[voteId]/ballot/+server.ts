import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { ballotBody, castBallot } from '$lib/server/meetings';

/** Casts or replaces the caller's ballot `{votes: {optionId: n}}` while the vote is open (members). */
export const PUT = api(async (event) => {
	const user = requireUser(event);
	const { votes } = await readJson(event.request, ballotBody);
	return json(await castBallot(services(), user, event.params.id!, event.params.meetingId!, event.params.voteId!, votes));
});
