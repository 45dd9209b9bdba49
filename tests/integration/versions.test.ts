// Versions: named and automatic saves, read-only reads, comparison, and a restore that reaches
// every connected client as a forward change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';

interface Version {
	id: string;
	name: string;
	kind: string;
	createdBy: string | null;
}

describe('map versions', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let vera: LoggedIn;

	const versions = async (user: LoggedIn, mapId: string): Promise<Version[]> =>
		((await (await user.fetch(`/api/v1/maps/${mapId}/versions`)).json()) as { versions: Version[] }).versions;

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		vera = await createUser(server, 'vera');
	});
	afterAll(async () => server?.cleanup());

	it('restoring a named version reaches a connected client as one change, and the state before is saved', async () => {
		const mapId = await createMap(alice, 'Restore');
		const editor = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		const watcher = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await Promise.all([editor.synced, watcher.synced]);
		const model = new MapModel(editor.doc);
		const kept = model.addActor({ name: 'Keep me', kind: 'company' });
		await waitFor(() => new MapModel(watcher.doc).actor(kept) !== undefined, 'the watcher sees the actor');

		const saved = await alice.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'Steering group 1' } });
		expect(saved.status).toBe(201);
		const version = (await saved.json()) as Version;

		model.deleteActor(kept);
		const extra = model.addActor({ name: 'Added after the version', kind: 'rdi' });
		await waitFor(() => new MapModel(watcher.doc).actor(extra) !== undefined, 'the watcher sees the later actor');

		const restored = await alice.fetch(`/api/v1/maps/${mapId}/versions/${version.id}/restore`, { method: 'POST' });
		expect(restored.status).toBe(200);
		await waitFor(() => {
			const seen = new MapModel(watcher.doc);
			return seen.actor(kept)?.name === 'Keep me' && seen.actor(extra) === undefined;
		}, 'the connected watcher receives the restore');
		expect(new MapModel(editor.doc).actors().map((a) => a.name)).toEqual(['Keep me']);

		const list = await versions(alice, mapId);
		expect(list[0]).toMatchObject({ kind: 'auto', name: 'before-restore:Steering group 1' });
		const before = (await (await alice.fetch(`/api/v1/maps/${mapId}/versions/${list[0]!.id}`)).json()) as { actors: { name: string }[] };
		expect(before.actors.map((a) => a.name)).toEqual(['Added after the version']);
		editor.destroy();
		watcher.destroy();
	});

	it('compares a version with the current map: added, removed and changed actors', async () => {
		const mapId = await createMap(alice, 'Compare');
		const client = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await client.synced;
		const model = new MapModel(client.doc);
		const renamed = model.addActor({ name: 'Old name', kind: 'company' });
		const removed = model.addActor({ name: 'Goes away', kind: 'company' });
		await waitFor(async () => ((await (await alice.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: unknown[] }).actors.length === 2, 'stored');
		const version = (await (await alice.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'Before' } })).json()) as Version;
		model.updateActor(renamed, { name: 'New name' });
		model.deleteActor(removed);
		const added = model.addActor({ name: 'Arrives', kind: 'rdi' });
		await waitFor(async () => ((await (await alice.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: unknown[] }).actors.length === 2 &&
			((await (await alice.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: { id: string }[] }).actors.some((a) => a.id === added), 'stored again');
		const diff = (await (await alice.fetch(`/api/v1/maps/${mapId}/versions/compare?from=${version.id}&to=current`)).json()) as {
			actors: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string; fields: string[] }[] };
		};
		expect(diff.actors.added.map((a) => a.id)).toEqual([added]);
		expect(diff.actors.removed.map((a) => a.id)).toEqual([removed]);
		expect(diff.actors.changed).toEqual([expect.objectContaining({ id: renamed, fields: ['name'] })]);
		client.destroy();
	});

	it('saves an automatic version when the last editor leaves', async () => {
		const mapId = await createMap(alice, 'Auto');
		const client = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await client.synced;
		new MapModel(client.doc).addActor({ name: 'Edited', kind: 'company' });
		await waitFor(async () => ((await (await alice.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: unknown[] }).actors.length === 1, 'stored');
		client.destroy();
		await waitFor(async () => (await versions(alice, mapId)).some((v) => v.kind === 'auto' && v.name === 'last-editor-left'), 'an automatic version');
	});

	it('lets a viewer read versions but not save or restore them, and refuses unknown versions and bad names', async () => {
		const mapId = await createMap(alice, 'Roles');
		await shareMap(alice, mapId, 'vera', 'viewer');
		const version = (await (await alice.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'v1' } })).json()) as Version;
		expect((await vera.fetch(`/api/v1/maps/${mapId}/versions`)).status).toBe(200);
		expect((await vera.fetch(`/api/v1/maps/${mapId}/versions/${version.id}`)).status).toBe(200);
		expect((await vera.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'mine' } })).status).toBe(403);
		expect((await vera.fetch(`/api/v1/maps/${mapId}/versions/${version.id}/restore`, { method: 'POST' })).status).toBe(403);
		expect((await alice.fetch(`/api/v1/maps/${mapId}/versions/nosuchversion1/restore`, { method: 'POST' })).status).toBe(404);
		const blank = await alice.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: '   ' } });
		expect(blank.status).toBe(400);
		expect(((await blank.json()) as { error: { code: string } }).error.code).toBe('invalid_version_name');
	});
});
