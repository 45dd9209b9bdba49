import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { notFound } from '$lib/server/errors';

export const DELETE = api(async (event) => {
	const user = requireUser(event);
	if (!(await services().storage.deleteApiToken(user.id, event.params.id!))) throw notFound('No such token.');
	return new Response(null, { status: 204 });
});
