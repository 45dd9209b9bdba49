import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { parseRole, removeMember, requireRole, setMemberRole } from '$lib/server/maps';
import { formAction, formString, requireLogin } from '$lib/server/pages';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map, role } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const members = await services().storage.listMembers(map.id);
		return { map, role, members, me: user.username };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};

async function asOwner(event: Parameters<Actions[string]>[0]) {
	const user = requireLogin(event);
	return { user, ...(await requireRole(services(), event.params.id!, user.id, 'owner')) };
}

export const actions: Actions = {
	set: async (event) => {
		const data = await event.request.formData();
		const username = formString(data, 'username').trim();
		return formAction(
			async () => {
				const { map, user } = await asOwner(event);
				await setMemberRole(services(), user, map.id, username, parseRole(formString(data, 'role')));
				return { saved: username };
			},
			{ username }
		);
	},
	remove: async (event) => {
		const data = await event.request.formData();
		const username = formString(data, 'username');
		return formAction(async () => {
			const { map, user } = await asOwner(event);
			await removeMember(services(), user, map.id, username);
			return { removed: username };
		});
	}
};
