import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { createMap } from '$lib/server/maps';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const maps = await services().storage.listMapsForUser(user.id);
	return json({ maps: maps.map((m) => ({ id: m.id, title: m.title, role: m.role, createdAt: new Date(m.createdAt).toISOString() })) });
});

const NewMap = z.object({ title: z.string().max(1000).optional(), demo: z.boolean().optional() });

export const POST = api(async (event) => {
	const user = requireUser(event);
	const body = await readJson(event.request, NewMap);
	const map = await createMap(services(), user.id, body.title, { demo: body.demo });
	return json({ id: map.id, title: map.title, role: 'owner', createdAt: new Date(map.createdAt).toISOString() }, { status: 201 });
});
