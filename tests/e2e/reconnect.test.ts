// A server restart during a meeting: the open editor notices, comes back by itself (with a
// jittered backoff), and edits made meanwhile reach the server.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient } from '../support/sync-client';
import { PageOpener, addActorNamed } from '../support/pages';

const BACK_TIMEOUT_MS = 20_000;

let server: TestServer;
let browser: Browser;
let pages: PageOpener;
let alice: LoggedIn;

describe('reconnecting after a server restart', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		pages = new PageOpener(browser, server);
		alice = await createUser(server, 'alice', { admin: true });
	});
	afterAll(async () => {
		await pages?.closeAll();
		await browser?.close();
		await server?.cleanup();
	});

	it('the open editor goes offline during the restart, comes back up to date by itself, and an edit made while it was down is stored', async () => {
		const mapId = await createMap(alice, 'Restarted');
		const { page } = await pages.openEditor(alice, mapId);
		await page.waitForSelector('[data-testid=connection-status][data-status=synced]');

		await server.stop('SIGTERM');
		await page.waitForSelector('[data-testid=connection-status][data-status=offline]', { timeout: BACK_TIMEOUT_MS });
		await addActorNamed(page, 'Made while the server was down');
		await server.restart();
		await page.waitForSelector('[data-testid=connection-status][data-status=synced]', { timeout: BACK_TIMEOUT_MS });

		// A fresh client sees the edit: it was re-sent on reconnect and stored.
		const check = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await check.synced;
		const names = new MapModel(check.doc).actors().map((actor) => actor.name);
		check.destroy();
		expect(names).toContain('Made while the server was down');
	});
});
