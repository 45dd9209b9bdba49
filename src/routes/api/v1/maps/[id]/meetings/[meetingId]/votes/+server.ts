import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { getMeeting, openVote, openVoteBody } from '$lib/server/meetings';

/** The meeting's votes (counts only once revealed). */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const meeting = await getMeeting(services(), user, event.params.id!, event.params.meetingId!);
	return json({ votes: meeting.votes });
});

/** Opens a vote `{question, kind: targets|growthSectors|actors, actorIds?, votesPerPerson}` (owners and editors). */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const body = await readJson(event.request, openVoteBody);
	return json(await openVote(services(), user, event.params.id!, event.params.meetingId!, body), { status: 201 });
});
