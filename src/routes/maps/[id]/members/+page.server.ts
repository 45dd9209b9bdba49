import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { parseRole, removeMember, requireRole, setMemberRole } from '$lib/server/maps';
import { formAction, formString, requireLogin } from '$lib/server/pages';
import { AppError, badRequest } from '$lib/server/errors';
import { audit } from '$lib/server/audit';
import { DAY_MS, SHARE_LINK_DAYS, SHARE_LINK_LABEL_MAX_LENGTH } from '$lib/server/limits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map, role } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const members = await services().storage.listMembers(map.id);
		const now = Date.now();
		const shareLinks =
			role === 'owner'
				? (await services().storage.listShareLinks(map.id)).map(({ id, label, createdAt, expiresAt, revokedAt }) => ({
						id,
						label,
						createdAt,
						expiresAt,
						active: revokedAt === null && expiresAt > now
					}))
				: [];
		return { map, role, members, me: user.username, shareLinks, shareDays: SHARE_LINK_DAYS };
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
	share: async (event) => {
		const data = await event.request.formData();
		return formAction(async () => {
			const { map, user } = await asOwner(event);
			const label = formString(data, 'label').trim();
			if (!label || label.length > SHARE_LINK_LABEL_MAX_LENGTH) throw badRequest('invalid_label', 'Give the link a name.');
			const days = Number(formString(data, 'days'));
			if (!(SHARE_LINK_DAYS as readonly number[]).includes(days)) throw badRequest('invalid_expiry', 'Choose how long the link is valid.');
			const { token, record } = await services().sessions.createShareLink(map.id, user.id, label, days * DAY_MS);
			await audit(services().storage, 'share_link_created', { actorId: user.id, username: user.username }, { mapId: map.id, linkId: record.id, days });
			return { shareUrl: `${event.url.origin}/share/${token}` };
		}, { form: 'share' });
	},
	revokeShare: async (event) => {
		const data = await event.request.formData();
		return formAction(async () => {
			const { map, user } = await asOwner(event);
			const id = formString(data, 'id');
			if (!(await services().sessions.revokeShareLink(map.id, id))) throw new AppError(404, 'not_found', 'No such link.');
			await audit(services().storage, 'share_link_revoked', { actorId: user.id, username: user.username }, { mapId: map.id, linkId: id });
			return { shareRevoked: true };
		}, { form: 'share' });
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
