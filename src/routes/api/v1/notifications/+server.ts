import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { listNotifications, parseNotificationLimit } from '$lib/server/discussion';

/** The caller's @mentions in all their maps, newest first, with unread and total counts; `?limit=0` for the counts only. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const limit = parseNotificationLimit(event.url.searchParams.get('limit'));
	return json(await listNotifications(services(), user, limit));
});
