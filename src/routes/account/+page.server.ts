import { services } from '$lib/server/context';
import { audit } from '$lib/server/audit';
import { changePassword } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/cookies';
import { formAction, formString, requireLogin } from '$lib/server/pages';
import { AppError, notFound } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const tokens = await services().storage.listApiTokens(user.id);
	return { tokens: tokens.map(({ id, label, createdAt, lastUsedAt }) => ({ id, label, createdAt, lastUsedAt })) };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		return formAction(async () => {
			if (formString(data, 'password') !== formString(data, 'passwordAgain'))
				throw new AppError(400, 'passwords_differ', 'The passwords differ.');
			const { storage, sessions, config } = services();
			const { token, expiresAt } = await changePassword(storage, sessions, user, formString(data, 'current'), formString(data, 'password'));
			setSessionCookie(event.cookies, config, token, expiresAt);
			return { passwordChanged: true };
		}, { form: 'password' });
	},
	createToken: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		return formAction(async () => {
			const { token, record } = await services().sessions.createApiToken(user.id, formString(data, 'label'));
			await audit(services().storage, 'api_token_created', { actorId: user.id, username: user.username }, { tokenId: record.id, label: record.label });
			return { newToken: token };
		}, { form: 'token' });
	},
	deleteToken: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		const id = formString(data, 'id');
		return formAction(async () => {
			// Someone else's token or none at all: say so rather than report a deletion that did not happen.
			if (!(await services().sessions.revokeApiToken(user.id, id))) throw notFound('No such token.');
			await audit(services().storage, 'api_token_deleted', { actorId: user.id, username: user.username }, { tokenId: id });
			return { tokenDeleted: true };
		}, { form: 'token' });
	}
};
