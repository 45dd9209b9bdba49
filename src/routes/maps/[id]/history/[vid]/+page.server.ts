import { error } from '@sveltejs/kit';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { requireLogin } from '$lib/server/pages';
import { CURRENT, versionJson, versionSnapshot } from '$lib/server/versions';
import { compareSnapshots } from '$lib/map';
import { diffPicture } from '$lib/components/history/diff-layout';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** One version, read-only, and how it differs from the current map or another version (`?with=`). */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	try {
		const { map } = await requireRole(services(), event.params.id, user.id, 'viewer');
		const other = event.url.searchParams.get('with') || CURRENT;
		const versions = (await services().storage.listVersions(map.id)).map(versionJson);
		const version = versions.find((v) => v.id === event.params.vid);
		if (!version) throw new AppError(404, 'not_found', 'No such version of this map.');
		const [snapshot, otherSnapshot] = await Promise.all([
			versionSnapshot(services(), map.id, version.id),
			versionSnapshot(services(), map.id, other)
		]);
		const diff = compareSnapshots(snapshot, otherSnapshot);
		return { map: { id: map.id, title: map.title }, version, versions, other, snapshot, diff, picture: diffPicture(snapshot, otherSnapshot, diff) };
	} catch (e) {
		if (e instanceof AppError) error(e.status, { code: e.code, message: e.message });
		throw e;
	}
};
