// The table view in real Chromium against the real server, with the keyboard alone: editing cells, adding actors and links,
// deleting with undo; a collaborator sees each change live, and their own edit in progress survives it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { PROPAGATION_MS, cellText, focusedCell, openEditor, screenshot, seed, type OpenPage } from './table-support';

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let mapId: string;
let observer: SyncClient;
let model: MapModel;
let ids: ReturnType<typeof seed>;
const pages: OpenPage[] = [];

async function open(user: LoggedIn): Promise<Page> {
	const opened = await openEditor(server, browser, user, mapId, { view: 'table' });
	pages.push(opened);
	await opened.page.waitForSelector('[data-testid=actors-grid]');
	return opened.page;
}

/** What the script client sees of an actor. */
function stored(id: string) {
	return model.actor(id);
}

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	bob = await createUser(server, 'bob');
	mapId = await createMap(alice, 'Taulukkokartta');
	await shareMap(alice, mapId, 'bob', 'editor');
	observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	await observer.synced;
	model = new MapModel(observer.doc);
	ids = seed(model);
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const { context } of pages) await context.close().catch(() => {});
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

describe('the table view, keyboard only', () => {
	let a: Page;
	let b: Page;

	it('opens with the map view switch and shows every actor with sortable headers', async () => {
		const opened = await openEditor(server, browser, alice, mapId);
		pages.push(opened);
		a = opened.page;
		// The switch is a button: focus it and press Enter, as a keyboard user would after tabbing to it.
		await a.focus('[data-testid=view-table]');
		await a.keyboard.press('Enter');
		await a.waitForSelector('[data-testid=actors-grid]');
		expect(await a.getAttribute('[data-testid=view-table]', 'aria-pressed')).toBe('true');
		expect(await a.isVisible('[data-testid=canvas]')).toBe(false);
		expect(await a.getAttribute('[data-testid=actors-grid]', 'aria-rowcount')).toBe('4');
		const names = await a.locator('[data-testid=actors-grid] tbody [data-col=name]').allTextContents();
		expect(names.map((name) => name.trim())).toEqual(['Alfa Oy', 'Beta Oy', 'Gamma ry']);
		expect(await a.getAttribute('[data-testid=actors-grid] th:has([data-head=name])', 'aria-sort')).toBe('ascending');
		b = await open(bob);
	});

	it('sorts from the header with the keyboard and keeps one tab stop', async () => {
		await a.focus('[data-testid=actors-grid] [tabindex="0"]');
		expect(await focusedCell(a)).toMatchObject({ row: null, col: 'name' });
		await a.keyboard.press('Enter');
		await expect.poll(() => a.getAttribute('[data-testid=actors-grid] th:has([data-head=name])', 'aria-sort')).toBe('descending');
		await a.keyboard.press('Enter');
		await expect.poll(() => a.getAttribute('[data-testid=actors-grid] th:has([data-head=name])', 'aria-sort')).toBe('ascending');
		expect(await a.locator('[data-testid=actors-grid] [tabindex="0"]').count()).toBe(1);
	});

	it('edits a name and a kind: Enter edits, Tab saves and moves on, and the other user sees it within a second', async () => {
		await a.keyboard.press('ArrowDown');
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: 'name' });
		await a.keyboard.press('Enter');
		await a.keyboard.press('Control+a');
		await a.keyboard.type('Alfa Group Oy');
		await a.keyboard.press('Tab');
		const started = Date.now();
		await waitFor(async () => (await cellText(b, 'actors-grid', ids.alfa, 'name')) === 'Alfa Group Oy', 'Bob sees the new name', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);
		expect(stored(ids.alfa)?.name).toBe('Alfa Group Oy');

		// Tab moved on into the kind cell, editing: choose the next kind with the arrow key, save with Enter.
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: 'kind', tag: 'select' });
		await a.keyboard.press('ArrowDown');
		await a.keyboard.press('Enter');
		await waitFor(() => stored(ids.alfa)?.kind === 'education', 'the kind reaches the server', 5_000);
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: 'kind', tag: 'td' });
		await waitFor(async () => (await cellText(b, 'actors-grid', ids.alfa, 'kind')) === 'Education provider', 'Bob sees the kind', PROPAGATION_MS);
	});

	it('cancels an edit with Escape and writes nothing', async () => {
		const before = Y.encodeStateVector(observer.doc);
		await a.keyboard.press('ArrowLeft');
		await a.keyboard.press('F2');
		await a.keyboard.type(' (draft)');
		await a.keyboard.press('Escape');
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: 'name', tag: 'th' });
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(Y.encodeStateVector(observer.doc)).toEqual(before);
		expect(await cellText(a, 'actors-grid', ids.alfa, 'name')).toBe('Alfa Group Oy');
	});

	it('edits a list cell (roles) with arrows and Space', async () => {
		await a.keyboard.press('ArrowRight');
		await a.keyboard.press('ArrowRight');
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: 'roles' });
		await a.keyboard.press('Enter');
		await a.keyboard.press('Space'); // orchestrator
		await a.keyboard.press('ArrowDown');
		await a.keyboard.press('Space'); // leader
		await a.keyboard.press('Enter');
		await waitFor(() => JSON.stringify(stored(ids.alfa)?.roles) === '["orchestrator","leader"]', 'the roles reach the server', 5_000);
		await waitFor(async () => (await cellText(b, 'actors-grid', ids.alfa, 'roles')) === 'Orchestrator, Leader', 'Bob sees the roles', PROPAGATION_MS);
	});

	it("keeps Bob's edit in progress and his focus while Alice's change re-sorts his table", async () => {
		// Bob starts editing Beta Oy's description and has typed half of it.
		await b.focus(`[data-testid=actors-grid] [tabindex="0"]`);
		await b.keyboard.press('ArrowDown'); // Alfa Group Oy
		await b.keyboard.press('ArrowDown'); // Beta Oy
		await b.keyboard.press('End');
		await b.keyboard.press('ArrowLeft');
		expect(await focusedCell(b)).toMatchObject({ row: ids.beta, col: 'description' });
		await b.keyboard.press('Enter');
		await b.keyboard.type('Konepaja, kesken');

		// Alice renames Alfa so that it sorts after Beta: Beta moves up a row in Bob's table.
		await a.keyboard.press('Home');
		await a.keyboard.press('Enter');
		await a.keyboard.press('Control+a');
		await a.keyboard.type('Zeta Oy');
		await a.keyboard.press('Enter');
		await waitFor(async () => (await cellText(b, 'actors-grid', ids.alfa, 'name')) === 'Zeta Oy', 'Bob sees the rename', PROPAGATION_MS);
		const order = await b.locator('[data-testid=actors-grid] tbody [data-col=name]').allTextContents();
		expect(order.map((name) => name.trim())).toEqual(['Beta Oy', 'Gamma ry', 'Zeta Oy']);

		// Bob is still in his input, with his text, on the same row.
		expect(await focusedCell(b)).toMatchObject({ row: ids.beta, col: 'description', tag: 'input' });
		expect(await b.inputValue(`[data-testid=actors-grid] [data-row="${ids.beta}"][data-col=description] input`)).toBe('Konepaja, kesken');
		await b.keyboard.press('Enter');
		await waitFor(() => stored(ids.beta)?.description === 'Konepaja, kesken', "Bob's description is saved", 5_000);
		expect(await focusedCell(b)).toMatchObject({ row: ids.beta, col: 'description', tag: 'td' });
		await screenshot(b, 'table-actors');
	});

	it('adds an actor from the form and lands on its row to fill in the rest', async () => {
		await a.focus('[data-testid=table-new-actor-name]');
		await a.keyboard.type('Delta Oy');
		await a.keyboard.press('Enter');
		await waitFor(() => model.actors().some((actor) => actor.name === 'Delta Oy'), 'the new actor reaches the server', 5_000);
		const delta = model.actors().find((actor) => actor.name === 'Delta Oy')!;
		await expect.poll(() => focusedCell(a)).toMatchObject({ row: delta.id, col: 'kind' });
		await expect.poll(() => a.textContent('[data-testid=table-status]')).toContain('Added actor Delta Oy.');
		// The side panel follows the row: all of Delta's fields are there.
		await expect.poll(() => a.inputValue('[data-testid=actor-name]')).toBe('Delta Oy');
		await waitFor(async () => (await cellText(b, 'actors-grid', delta.id, 'name')) === 'Delta Oy', 'Bob sees Delta Oy', PROPAGATION_MS);
	});

	it('adds a link by choosing its two actors, then deletes it with Delete and brings it back with Ctrl+Z', async () => {
		await a.focus('[data-testid=table-tab-actors]');
		await a.keyboard.press('ArrowRight');
		await a.waitForSelector('[data-testid=links-grid]');
		expect(await focusedCell(a)).toMatchObject({ testid: 'table-tab-links' });

		await a.focus('[data-testid=table-new-link-source]');
		await a.keyboard.type('Delta');
		await a.keyboard.press('Tab');
		await a.keyboard.type('Gamma');
		await a.keyboard.press('Tab');
		await a.keyboard.type('Funding');
		await a.keyboard.press('Tab');
		await a.keyboard.press('Enter');
		const delta = model.actors().find((actor) => actor.name === 'Delta Oy')!;
		await waitFor(() => model.links().some((link) => link.source === delta.id && link.target === ids.gamma), 'the link reaches the server', 5_000);
		const link = model.links().find((candidate) => candidate.source === delta.id)!;
		expect(link.kind).toBe('funding');
		await expect.poll(() => focusedCell(a)).toMatchObject({ row: link.id, col: 'kind' });

		// Strength: Enter opens the choice, the arrow picks "1 – weak", Enter saves.
		await a.keyboard.press('ArrowRight');
		await a.keyboard.press('Enter');
		await a.keyboard.press('ArrowDown');
		await a.keyboard.press('Enter');
		await waitFor(() => model.link(link.id)?.strength === 1, 'the strength is saved', 5_000);

		await a.keyboard.press('Delete');
		await waitFor(() => model.link(link.id) === undefined, 'the link is deleted', 5_000);
		await expect.poll(() => a.textContent('[data-testid=table-status]')).toContain('Deleted the link Delta Oy → Gamma ry.');
		// Focus stays in the grid (on the row now in its place), so Ctrl+Z there undoes.
		expect((await focusedCell(a)).col).not.toBeNull();
		await a.keyboard.press('Control+z');
		await waitFor(() => model.link(link.id)?.strength === 1, 'undo brings the link back', 5_000);
		await screenshot(a, 'table-links');
	});

	it('deletes an actor with its links from the keyboard, and the Undo button restores both', async () => {
		await a.focus('[data-testid=table-tab-links]');
		await a.keyboard.press('ArrowLeft');
		await a.waitForSelector('[data-testid=actors-grid]');
		const delta = model.actors().find((actor) => actor.name === 'Delta Oy')!;
		await a.focus('[data-testid=actors-grid] [tabindex="0"]');
		// Ctrl+End goes to the last cell of the last row: the delete button of Zeta Oy (sorted last).
		await a.keyboard.press('Control+End');
		expect(await focusedCell(a)).toMatchObject({ row: ids.alfa, col: '__actions', tag: 'button' });
		await a.keyboard.press('ArrowUp'); // Gamma ry
		await a.keyboard.press('ArrowUp'); // Delta Oy
		expect(await focusedCell(a)).toMatchObject({ row: delta.id });
		await a.keyboard.press('Enter');
		await waitFor(() => model.actor(delta.id) === undefined && model.links().every((link) => link.source !== delta.id), 'actor and link deleted', 5_000);
		await a.focus('[data-testid=table-undo]');
		await a.keyboard.press('Enter');
		await waitFor(() => model.actor(delta.id) !== undefined && model.links().some((link) => link.source === delta.id), 'both restored', 5_000);
	});

	it('follows a choice made in the side panel: the chosen actor becomes the table row Tab leads to', async () => {
		await a.selectOption('[data-testid=actor-list]', ids.gamma);
		await expect.poll(() => a.getAttribute('[data-testid=actors-grid] td[tabindex="0"], [data-testid=actors-grid] th[tabindex="0"], [data-testid=actors-grid] button[tabindex="0"]', 'data-row')).toBe(ids.gamma);
		expect(await a.locator(`[data-testid=actors-grid] tr.current[data-row-id="${ids.gamma}"]`).count()).toBe(1);
	});

	it('logged no console errors', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
