import { error, redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { acceptInvite, checkInvite } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/cookies';
import { formAction, formString } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		await checkInvite(services().storage, params.token);
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};

export const actions: Actions = {
	default: async ({ params, request, cookies }) => {
		const data = await request.formData();
		const username = formString(data, 'username');
		const displayName = formString(data, 'displayName');
		const result = await formAction(async () => {
			if (formString(data, 'password') !== formString(data, 'passwordAgain'))
				throw new AppError(400, 'passwords_differ', 'The passwords differ.');
			const { storage, sessions, config } = services();
			const user = await acceptInvite(storage, params.token, { username, displayName, password: formString(data, 'password') });
			const { token, session } = await sessions.createSession(user.id);
			setSessionCookie(cookies, config, token, session.expiresAt);
		}, { username, displayName });
		if (result) return result;
		redirect(303, '/maps?welcome=1');
	}
};
