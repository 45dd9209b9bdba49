import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { voteResults } from '$lib/server/meetings';

/** The counts, once the presenter has revealed them; 409 `results_hidden` before. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json(await voteResults(services(), user, event.params.id!, event.params.meetingId!, event.params.voteId!));
});
