import { services } from '$lib/server/context';
import { audit } from '$lib/server/audit';
import { createAccount, createInvite } from '$lib/server/accounts';
import { formAction, formString, requireAdmin } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const AUDIT_EVENTS_SHOWN = 100;

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { storage } = services();
	const [users, auditEvents] = await Promise.all([storage.listUsers(), storage.listAudit(AUDIT_EVENTS_SHOWN)]);
	return {
		users: users.map(({ id, username, displayName, isAdmin, disabled, createdAt }) => ({ id, username, displayName, isAdmin, disabled, createdAt })),
		auditEvents
	};
};

export const actions: Actions = {
	createUser: async (event) => {
		requireAdmin(event);
		const data = await event.request.formData();
		const username = formString(data, 'username');
		const displayName = formString(data, 'displayName');
		return formAction(async () => {
			if (formString(data, 'password') !== formString(data, 'passwordAgain'))
				throw new AppError(400, 'passwords_differ', 'The passwords differ.');
			const user = await createAccount(services().storage, { username, displayName, password: formString(data, 'password'), isAdmin: data.get('isAdmin') === 'on' });
			return { created: user.username };
		}, { form: 'user', username, displayName });
	},
	invite: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const token = await createInvite(services().storage, admin.id, data.get('isAdmin') === 'on');
		return { inviteUrl: `${event.url.origin}/invite/${token}` };
	},
	setDisabled: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const userId = formString(data, 'userId');
		const flag = formString(data, 'disabled');
		const disabled = flag === 'true';
		return formAction(async () => {
			if (flag !== 'true' && flag !== 'false') throw new AppError(400, 'invalid_request', 'Say whether to disable (true) or enable (false) the account.');
			if (userId === admin.id) throw new AppError(400, 'forbidden', 'You cannot disable yourself.');
			const { storage, sessions, sync } = services();
			// An unknown id would "succeed" silently and leave a misleading audit entry.
			if (!(await storage.getUserById(userId))) throw new AppError(404, 'unknown_user', 'There is no such user.');
			await storage.setDisabled(userId, disabled);
			await audit(storage, disabled ? 'account_disabled' : 'account_enabled', { actorId: admin.id, username: admin.username }, { userId });
			if (disabled) {
				await sessions.invalidateUserSessions(userId);
				sync.closeUser(userId, 'account disabled');
			}
			return { toggled: userId };
		}, { form: 'disable' });
	}
};
