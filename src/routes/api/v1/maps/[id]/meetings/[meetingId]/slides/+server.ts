import { json } from '@sveltejs/kit';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { setSlides, slidesBody } from '$lib/server/meetings';

/** Replaces the presentation `{slides: [{viewId, note}]}`: each slide a saved view of the map (owners and editors). */
export const PUT = api(async (event) => {
	const user = requireUser(event);
	const body = await readJson(event.request, slidesBody);
	return json({ slides: await setSlides(services(), user, event.params.id!, event.params.meetingId!, body) });
});
