import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { showSlide, showSlideBody } from '$lib/server/meetings';

/** Shows slide `{index}` (0-based; -1 for none) to everyone following the presenter. */
export const PUT = api(async (event) => {
	const user = requireUser(event);
	const { index } = await readJson(event.request, showSlideBody);
	await showSlide(services(), user, event.params.id!, event.params.meetingId!, index);
	return new Response(null, { status: 204 });
});
