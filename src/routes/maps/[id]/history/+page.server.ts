import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { requireRole, roleAtLeast } from '$lib/server/maps';
import { formAction, formString, requireLogin } from '$lib/server/pages';
import { checkVersionName, restoreVersion, saveVersion, versionJson } from '$lib/server/versions';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map, role } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const versions = await services().storage.listVersions(map.id);
		return { map: { id: map.id, title: map.title }, canEdit: roleAtLeast(role, 'editor'), versions: versions.map(versionJson) };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		const name = formString(data, 'name');
		return formAction(async () => {
			const { map } = await requireRole(services(), event.params.id!, user.id, 'editor');
			const version = await saveVersion(services(), map.id, checkVersionName(name), 'named', user);
			return { saved: version.name };
		}, { name });
	},
	restore: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		return formAction(async () => {
			const { map } = await requireRole(services(), event.params.id!, user.id, 'editor');
			const { restored } = await restoreVersion(services(), map.id, formString(data, 'version'), user);
			return { restored: restored.id };
		});
	}
};
