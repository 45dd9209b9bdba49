import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { clearSessionCookie } from '$lib/server/cookies';
import { audit } from '$lib/server/audit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, getClientAddress }) => {
		const { sessions, config, storage } = services();
		if (locals.auth?.sessionId) await sessions.invalidateSession(locals.auth.sessionId);
		if (locals.user) await audit(storage, 'logout', { actorId: locals.user.id, username: locals.user.username, ip: getClientAddress() });
		clearSessionCookie(cookies, config);
		redirect(303, '/login?loggedOut=1');
	}
};
