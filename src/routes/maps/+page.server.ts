import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { createMap } from '$lib/server/maps';
import { formAction, formString, requireLogin } from '$lib/server/pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const maps = await services().storage.listMapsForUser(user.id);
	return { maps, welcome: event.url.searchParams.has('welcome') };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireLogin(event);
		const data = await event.request.formData();
		const title = formString(data, 'title');
		const result = await formAction(() => createMap(services(), user.id, title), { title });
		if (result && 'status' in result) return result;
		redirect(303, `/maps/${result!.id}`);
	},
	demo: async (event) => {
		const user = requireLogin(event);
		const result = await formAction(() => createMap(services(), user.id, null, { demo: true }));
		if (result && 'status' in result) return result;
		redirect(303, `/maps/${result!.id}`);
	}
};
