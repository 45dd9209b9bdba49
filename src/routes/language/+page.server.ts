import { error, redirect } from '@sveltejs/kit';
import { locales } from '$lib/paraglide/runtime';
import { formString, safeNext } from '$lib/server/pages';
import type { Actions } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language switcher without JavaScript: remember the choice in a cookie and go back. */
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const data = await request.formData();
		const locale = formString(data, 'locale');
		// Only a crafted request sends another value (the switcher offers the three); say so rather than ignore it.
		if (!(locales as readonly string[]).includes(locale)) {
			error(400, { code: 'unknown_language', message: `Unknown language; choose one of ${locales.join(', ')}.` });
		}
		cookies.set('kartta_locale', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: ONE_YEAR_SECONDS });
		redirect(303, safeNext(formString(data, 'next')));
	}
};
