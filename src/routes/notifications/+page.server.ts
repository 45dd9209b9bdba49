import { services } from '$lib/server/context';
import { listNotifications, NOTIFICATIONS } from '$lib/server/discussion';
import { requireLogin } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

/** The caller's @mentions in every map they belong to, newest first. */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return await listNotifications(services(), user, NOTIFICATIONS.maxLimit);
};
