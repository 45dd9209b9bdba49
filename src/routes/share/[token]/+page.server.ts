import { error, redirect } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/**
 * Opening a read-only share link: the link is remembered in an HttpOnly cookie until it expires,
 * and the guest is taken to the map. Logged-in members just go to the map.
 */
export const load: PageServerLoad = async ({ params, cookies, locals }) => {
	const { sessions, config } = services();
	const link = await sessions.validateShareToken(params.token);
	if (!link) error(404, { code: 'invalid_share_link', message: 'This link is not valid, has expired or was revoked.' });
	if (!locals.user) {
		cookies.set(config.shareCookieName, params.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.secureCookies,
			expires: new Date(link.expiresAt)
		});
	}
	redirect(303, `/maps/${link.mapId}`);
};
