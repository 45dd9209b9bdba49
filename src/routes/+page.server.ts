import { redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** Start page: the first run goes to setup, a visitor to login, a user to their maps. */
export const load: PageServerLoad = async ({ locals }) => {
	if ((await services().storage.countUsers()) === 0) redirect(303, '/setup');
	redirect(303, locals.user ? '/maps' : '/login');
};
