import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { checkVersionName, saveVersion, versionJson } from '$lib/server/versions';

/** Saved versions of the map, newest first (named, automatic and meeting versions). */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'viewer');
	const versions = await services().storage.listVersions(map.id);
	return json({ versions: versions.map(versionJson) });
});

const NewVersion = z.object({ name: z.string().max(1000) });

/** Saves the map as it is now under a name (owners and editors). */
export const POST = api(async (event) => {
	const user = requireUser(event);
	const { map } = await requireRole(services(), event.params.id!, user.id, 'editor');
	const { name } = await readJson(event.request, NewVersion);
	const version = await saveVersion(services(), map.id, checkVersionName(name), 'named', user);
	return json(versionJson({ ...version, createdByName: user.displayName, bytes: version.snapshot.byteLength }), { status: 201 });
});
