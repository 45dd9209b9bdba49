import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { logIn } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/cookies';
import { formAction, formString, safeNext } from '$lib/server/pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if ((await services().storage.countUsers()) === 0) redirect(303, '/setup');
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { loggedOut: url.searchParams.has('loggedOut') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const data = await request.formData();
		const username = formString(data, 'username');
		const result = await formAction(
			async () => {
				const { storage, sessions, loginThrottle, config } = services();
				const { token, expiresAt } = await logIn(
					{ storage, sessions, throttle: loginThrottle, ip: event.getClientAddress() },
					username,
					formString(data, 'password')
				);
				setSessionCookie(cookies, config, token, expiresAt);
			},
			{ username }
		);
		if (result) return result;
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
