import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { createAccount } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/cookies';
import { formAction, formString } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** First run only: create the first (admin) account. Once anyone exists this page is closed. */
export const load: PageServerLoad = async () => {
	if ((await services().storage.countUsers()) > 0) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const data = await request.formData();
		const username = formString(data, 'username');
		const displayName = formString(data, 'displayName');
		const result = await formAction(
			async () => {
				const { storage, sessions, config } = services();
				if ((await storage.countUsers()) > 0) throw new AppError(409, 'setup_done', 'Setup is already done.');
				if (formString(data, 'password') !== formString(data, 'passwordAgain'))
					throw new AppError(400, 'passwords_differ', 'The passwords differ.');
				const user = await createAccount(storage, { username, displayName, password: formString(data, 'password'), isAdmin: true });
				const { token, session } = await sessions.createSession(user.id);
				setSessionCookie(cookies, config, token, session.expiresAt);
			},
			{ username, displayName }
		);
		if (result) return result;
		redirect(303, '/maps?welcome=1');
	}
};
