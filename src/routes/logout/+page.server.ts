import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { clearSessionCookie } from '$lib/server/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const { sessions, config } = services();
		if (locals.auth?.sessionId) await sessions.invalidateSession(locals.auth.sessionId);
		clearSessionCookie(cookies, config);
		redirect(303, '/login?loggedOut=1');
	}
};
