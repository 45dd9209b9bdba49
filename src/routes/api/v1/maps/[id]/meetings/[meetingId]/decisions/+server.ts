import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { addDecision, decisionBody } from '$lib/server/meetings';

/** Adds `{text}` to the meeting's decisions log (owners and editors). */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const { text } = await readJson(event.request, decisionBody);
	return json(await addDecision(services(), user, event.params.id!, event.params.meetingId!, text), { status: 201 });
});
