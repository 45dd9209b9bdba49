// Three people on one map in real Chromium against the real server: a consultant (commenter) adds a gap on an actor and
// @mentions the editor while the editor renames an actor; both see each other's changes live; the mention reaches the
// editor's notifications; the server refuses the commenter's graph edits; the panel and a thread pass axe's serious checks.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, ROOT, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { PageOpener, actorNames, seriousViolations, waitForEditor, type OpenPage } from '../support/pages';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';

/** A collaborator sees a change within this time (the promise for the graph holds for the discussion too). */
const PROPAGATION_MS = 2_000;
const VIEWPORT = { width: 1400, height: 900 };
/** Screenshots for people to look at (not compared): KARTTA_SCREENSHOTS=<folder>. */
const SHOTS = process.env.KARTTA_SCREENSHOTS ? resolve(ROOT, process.env.KARTTA_SCREENSHOTS) : null;

let server: TestServer;
let browser: Browser;
let owner: LoggedIn;
let editor: LoggedIn;
let consultant: LoggedIn;
let viewer: LoggedIn;
let mapId: string;
let observer: SyncClient;
let alfa: string;
let beta: string;
let opener: PageOpener;
const pages: OpenPage[] = [];

async function openAs(user: LoggedIn, path: string, forAxe = false): Promise<OpenPage> {
	const opened = await opener.open(user, path, { forAxe, viewport: VIEWPORT });
	pages.push(opened);
	return opened;
}

async function openEditor(user: LoggedIn, forAxe = false, query = ''): Promise<OpenPage> {
	const opened = await openAs(user, `/maps/${mapId}${query}`, forAxe);
	await waitForEditor(opened.page);
	return opened;
}

async function openPanel(page: Page): Promise<void> {
	if ((await page.getAttribute('[data-testid=discussion-toggle]', 'aria-expanded')) !== 'true') await page.click('[data-testid=discussion-toggle]');
	await page.waitForSelector('[data-testid=discussion-panel][data-ready=true]:not([hidden])');
}

async function shot(page: Page, name: string): Promise<void> {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}

/** Whether some comment in the map's discussion, as the server has it, contains the text. */
async function observerSees(text: string): Promise<boolean> {
	const body = (await (await owner.fetch(`/api/v1/maps/${mapId}/discussion`)).json()) as { threads: { comments: { text: string }[] }[] };
	return body.threads.some((thread) => thread.comments.some((comment) => comment.text.includes(text)));
}

beforeAll(async () => {
	server = await startServer();
	owner = await createUser(server, 'olga', { admin: true });
	editor = await createUser(server, 'eero');
	consultant = await createUser(server, 'konsultti');
	mapId = await createMap(owner, 'Seutukunnan innovaatioekosysteemi');
	await shareMap(owner, mapId, 'eero', 'editor');
	await shareMap(owner, mapId, 'konsultti', 'commenter');
	viewer = await createUser(server, 'viivi');
	await shareMap(owner, mapId, 'viivi', 'viewer');
	observer = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
	await observer.synced;
	const model = new MapModel(observer.doc);
	alfa = model.addActor({ name: 'Alfa Oy', kind: 'company', pos: { x: -120, y: 0 } });
	beta = model.addActor({ name: 'Beta Oy', kind: 'education', pos: { x: 120, y: 40 } });
	model.addLink({ source: alfa, target: beta, kind: 'education' });
	model.addSector({ name: 'Circular economy', growth: true });
	model.addSector({ name: 'Retail', growth: false });
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
});

afterAll(async () => {
	await opener?.closeAll();
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

describe('annotations and discussion in the browser', () => {
	let editorPage: OpenPage;
	let consultantPage: OpenPage;
	const gapTitle = 'No link to the university of applied sciences';

	it('offers a commenter the discussion but no graph editing', async () => {
		consultantPage = await openEditor(consultant);
		const c = consultantPage.page;
		expect(await c.locator('[data-testid=toolbar], [data-testid=add-actor], [data-testid=actor-name], [data-testid=add-link]').count()).toBe(0);
		expect(await c.textContent('[data-testid=read-only-note]')).toContain('You can comment');
		// A commenter came to comment: the panel starts open.
		expect(await c.getAttribute('[data-testid=discussion-toggle]', 'aria-expanded')).toBe('true');
		await openPanel(c);
		expect(await c.locator('[data-testid=new-gap]').count()).toBe(1);
	});

	it('a gap added by the commenter and a rename by the editor reach each other live', async () => {
		editorPage = await openEditor(editor);
		const c = consultantPage.page;
		const e = editorPage.page;
		// For editors the panel starts closed; opening it takes the keyboard there, closing it back to the button.
		expect(await e.getAttribute('[data-testid=discussion-toggle]', 'aria-expanded')).toBe('false');
		await openPanel(e);
		expect(await e.evaluate(() => document.activeElement?.id)).toBe('discussion-heading');
		await e.click('[data-testid=discussion-close]');
		expect(await e.evaluate(() => document.activeElement?.id)).toBe('discussion-toggle');
		await openPanel(e);

		// The consultant picks Alfa Oy from the keyboard list and adds a gap on it from the panel.
		await c.selectOption('[data-testid=actor-list]', alfa);
		await c.waitForSelector('[data-testid=discussion-selected] >> text=Actor: Alfa Oy');
		await c.click('[data-testid=selected-add-gap]');
		await c.waitForSelector('[data-testid=gap-form]');
		expect(await c.inputValue('[data-testid=gap-actor]')).toBe(alfa);
		await c.selectOption('[data-testid=gap-type]', 'missing_link');
		await c.fill('[data-testid=gap-title]', gapTitle);
		await c.fill('[data-testid=gap-description]', 'Alfa Oy has no training partner in the region.');

		// At the same time the editor renames Beta Oy.
		await e.selectOption('[data-testid=actor-list]', beta);
		await e.waitForSelector('[data-testid=actor-name]');
		await e.fill('[data-testid=actor-name]', 'Beta University');
		await e.press('[data-testid=actor-name]', 'Enter');
		await c.click('[data-testid=gap-save]');

		let started = Date.now();
		await waitFor(async () => (await e.locator('[data-testid=annotation-title]', { hasText: gapTitle }).count()) === 1, 'the editor sees the gap', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);
		started = Date.now();
		await waitFor(async () => (await actorNames(c)).some((name) => name.startsWith('Beta University')), 'the consultant sees the rename', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);
		const item = e.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		expect(await item.textContent()).toContain('Missing link · Actor: Alfa Oy');
		await shot(c, '1-commenter-annotations');
	});

	it('the commenter @mentions the editor in a thread on the gap, with suggestions from the members', async () => {
		const c = consultantPage.page;
		const item = c.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		await item.locator('[data-testid=annotation-comments]').click();
		await c.waitForSelector('[data-testid=threads-view]');
		// Focus follows to the view's heading, so keyboard users land in the thread view.
		expect(await c.evaluate(() => document.activeElement?.id)).toBe('discussion-view-heading');
		await c.click('[data-testid=new-thread-text]');
		await c.keyboard.type('Could @ee');
		await c.waitForSelector('[data-testid=mention-suggestions] >> text=@eero');
		expect(await c.getAttribute('[data-testid=new-thread-text]', 'aria-activedescendant')).toBeTruthy();
		await c.keyboard.press('Enter');
		await c.keyboard.type('check whether Beta University could train their staff?');
		expect(await c.inputValue('[data-testid=new-thread-text]')).toBe('Could @eero check whether Beta University could train their staff?');
		await shot(c, '2-commenter-writing');
		await c.click('[data-testid=new-thread-send]');
		await c.waitForSelector('[data-testid=comment-text] >> text=check whether');
		expect(await c.locator('[data-testid=comment-text] .mention').textContent()).toBe('@eero');
	});

	it("the editor sees unread counts on the panel button and the gap, and the mention in notifications", async () => {
		const e = editorPage.page;
		await waitFor(async () => (await e.locator('[data-testid=discussion-unread]').count()) === 1, 'unread badge on the panel button', PROPAGATION_MS);
		expect((await e.textContent('[data-testid=discussion-unread]'))?.trim()).toMatch(/^1/);
		const item = e.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		expect(await item.locator('[data-testid=annotation-comments]').textContent()).toContain('1 unread');
		expect(await e.textContent('[data-testid=conversation-list]')).toContain('Gap: ' + gapTitle);

		const notifications = await openAs(editor, '/notifications');
		const n = notifications.page;
		await n.waitForSelector('[data-testid=notification]');
		expect(await n.getAttribute('[data-testid=notification]', 'data-unread')).toBe('true');
		expect(await n.textContent('[data-testid=notification]')).toContain('konsultti mentioned you');
		expect(await n.textContent('[data-testid=notification]')).toContain('Could @eero check');
		expect((await n.textContent('[data-testid=notifications-unread]'))?.trim()).toMatch(/^1/);
		await shot(n, '3-notifications');

		// The link opens the map at the thread; seeing it marks it read.
		await n.click('[data-testid=notification-link]');
		await waitForEditor(n);
		await n.waitForSelector('[data-testid=threads-view] [data-testid=comment-text] >> text=check whether');
		await waitFor(async () => (await n.locator('[data-testid=discussion-unread]').count()) === 0, 'the thread is read', PROPAGATION_MS);
		// Jumping to the gap selected its actor.
		await waitFor(async () => (await n.inputValue('[data-testid=actor-list]')) === alfa, 'the gap’s actor is selected');
		await waitFor(async () => (await e.locator('[data-testid=discussion-unread]').count()) === 0, 'read on the other tab too', PROPAGATION_MS);
		// The header's count follows.
		await waitFor(async () => (await n.locator('[data-testid=notifications-unread]').count()) === 0, 'the header count drops', PROPAGATION_MS);
		await shot(n, '4-editor-thread');

		await n.goto(server.url + '/notifications');
		expect(await n.getAttribute('[data-testid=notification]', 'data-unread')).toBe('false');
		expect(await n.locator('[data-testid=notifications-unread]').count()).toBe(0);
	});

	it('a reply and resolving travel both ways', async () => {
		const e = editorPage.page;
		const c = consultantPage.page;
		const item = e.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		await item.locator('[data-testid=annotation-comments]').click();
		await e.fill('[data-testid=comment-reply]', 'Yes, I will ask them. @konsultti thanks!');
		await e.click('[data-testid=comment-send]');
		await waitFor(async () => (await c.locator('[data-testid=comment-text]', { hasText: 'I will ask them' }).count()) === 1, 'the consultant sees the reply', PROPAGATION_MS);
		await c.click('[data-testid=thread-resolve]');
		await waitFor(async () => (await e.getAttribute('[data-testid=thread]', 'data-resolved')) === 'true', 'the editor sees it resolved', PROPAGATION_MS);
		await e.click('[data-testid=thread-reopen]');
		await waitFor(async () => (await c.getAttribute('[data-testid=thread]', 'data-resolved')) === 'false', 'the consultant sees it reopened', PROPAGATION_MS);
	});

	it('the commenter can change the gap’s status and filter the list', async () => {
		const c = consultantPage.page;
		await c.click('[data-testid=discussion-back]');
		const item = c.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		await item.locator('[data-testid=annotation-status]').selectOption('accepted');
		await c.selectOption('[data-testid=filter-kind]', 'gap');
		await c.selectOption('[data-testid=filter-status]', 'open');
		expect(await c.locator('[data-testid=annotation-item]').count()).toBe(0);
		await c.selectOption('[data-testid=filter-status]', 'accepted');
		await c.selectOption('[data-testid=filter-place]', `actor:${alfa}`);
		expect(await c.locator('[data-testid=annotation-item]').count()).toBe(1);
		await c.selectOption('[data-testid=filter-place]', `actor:${beta}`);
		expect(await c.locator('[data-testid=annotation-item]').count()).toBe(0);
		await c.selectOption('[data-testid=filter-place]', '');
		await c.selectOption('[data-testid=filter-kind]', 'all');
		await c.selectOption('[data-testid=filter-status]', '');
	});

	it('the commenter edits and deletes their own comment, adds a development target and a growth-sector note', async () => {
		const c = consultantPage.page;
		const e = editorPage.page;
		await e.click('[data-testid=discussion-back]');
		// Own comment: edit and delete (the editor's reply offers neither to the commenter).
		const item = c.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		await item.locator('[data-testid=annotation-comments]').click();
		const mine = c.locator('[data-testid=comment]', { hasText: 'Could @eero' });
		const theirs = c.locator('[data-testid=comment]', { hasText: 'I will ask them' });
		expect(await theirs.locator('[data-testid=comment-edit], [data-testid=comment-delete]').count()).toBe(0);
		await mine.locator('[data-testid=comment-edit]').click();
		await c.fill('[data-testid=comment] textarea', 'Could @eero check whether Beta University could train their staff? Updated.');
		await c.click('[data-testid=comment] button[type=submit]');
		await waitFor(async () => (await observerSees('Updated.')), 'the edit reaches the server', PROPAGATION_MS);
		expect(await c.textContent('[data-testid=comment]')).toContain('(edited)');
		await c.click('[data-testid=new-thread-text]');
		await c.keyboard.type('A second thought, to be removed.');
		await c.click('[data-testid=new-thread-send]');
		const second = c.locator('[data-testid=comment]', { hasText: 'to be removed' });
		await second.locator('[data-testid=comment-delete]').click();
		await second.locator('[data-testid=comment-delete-confirm]').click();
		await waitFor(async () => (await c.locator('[data-testid=comment]', { hasText: 'to be removed' }).count()) === 0, 'the comment is gone');
		await c.click('[data-testid=discussion-back]');

		// A development target with an owner, a due date and an actor.
		await c.click('[data-testid=new-target]');
		await c.fill('[data-testid=target-title]', 'Training programme with Beta University');
		await c.selectOption('[data-testid=target-owner]', { label: 'eero' });
		await c.fill('[data-testid=target-due]', '2027-06-30');
		await c.selectOption('[data-testid=target-status]', 'agreed');
		await c.locator('[data-testid=target-actors] label', { hasText: 'Beta University' }).locator('input').check();
		await c.click('[data-testid=target-save]');
		const target = e.locator('[data-testid=annotation-item][data-kind=target]');
		await waitFor(async () => (await target.count()) === 1, 'the editor sees the target', PROPAGATION_MS);
		expect(await target.textContent()).toContain('Responsible: eero');
		// The form started from the actor selected on the map (Alfa Oy); Beta University was added.
		expect(await target.textContent()).toContain('Actors: Alfa Oy, Beta University');

		// A note on a growth sector: only growth sectors are offered.
		await c.click('[data-testid=new-note]');
		const sectors = await c.locator('[data-testid=note-sector] option').allTextContents();
		expect(sectors).toContain('Circular economy');
		expect(sectors).not.toContain('Retail');
		await c.selectOption('[data-testid=note-sector]', { label: 'Circular economy' });
		await c.fill('[data-testid=note-description]', 'Alfa Oy could reuse steel scrap.');
		await c.locator('[data-testid=note-actors] label', { hasText: 'Alfa Oy' }).locator('input').check();
		await c.click('[data-testid=note-save]');
		await waitFor(async () => (await e.locator('[data-testid=annotation-item][data-kind=growthSector]').count()) === 1, 'the editor sees the note', PROPAGATION_MS);
		// The place filter: everything involves Alfa Oy, only the target Beta University.
		const kinds = () => c.locator('[data-testid=annotation-item]').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')).sort());
		await c.selectOption('[data-testid=filter-place]', `actor:${alfa}`);
		expect(await kinds()).toEqual(['gap', 'growthSector', 'target']);
		await c.selectOption('[data-testid=filter-place]', `actor:${beta}`);
		expect(await kinds()).toEqual(['target']);
		await c.selectOption('[data-testid=filter-place]', '');
		await shot(c, '5-commenter-all-kinds');
	});

	it('a viewer reads the discussion but is offered no writing', async () => {
		const opened = await openEditor(viewer);
		const v = opened.page;
		await openPanel(v);
		await v.waitForSelector('[data-testid=annotation-item]');
		expect(await v.locator('[data-testid=annotation-item]').count()).toBe(3);
		expect(await v.locator('[data-testid=new-gap], [data-testid=annotation-edit], [data-testid=annotation-delete], [data-testid=annotation-status]').count()).toBe(0);
		await v.locator('[data-testid=annotation-item]', { hasText: gapTitle }).locator('[data-testid=annotation-comments]').click();
		await v.waitForSelector('[data-testid=thread]');
		expect(await v.locator('[data-testid=comment-reply], [data-testid=new-thread-text], [data-testid=thread-resolve]').count()).toBe(0);
	});

	it("refuses the commenter's graph edits on the server: the editor's view and the stored document stay unchanged", async () => {
		const before = (await (await owner.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: { id: string; name: string }[] };
		const vector = Y.encodeStateVector(observer.doc);
		const sneaky = connectClient(server.wsUrl, mapId, { cookie: consultant.cookie });
		try {
			await sneaky.synced;
			const model = new MapModel(sneaky.doc);
			model.updateActor(alfa, { name: 'Renamed by the commenter' });
			model.addActor({ name: 'Added by the commenter', kind: 'other', pos: { x: 0, y: 300 } });
			// A fence from a real editor: once it arrives, anything sent before it would have too.
			new MapModel(observer.doc).updateActor(beta, { description: 'fence' });
			await waitFor(() => new MapModel(sneaky.doc).actor(beta)?.description === 'fence', 'the fence reaches the commenter');
			await waitFor(async () => ((await actorNames(editorPage.page)).length === 2), 'the editor still lists two actors');
		} finally {
			sneaky.destroy();
		}
		expect(Y.encodeStateVector(observer.doc).length).toBeGreaterThanOrEqual(vector.length);
		expect(new MapModel(observer.doc).actor(alfa)?.name).toBe('Alfa Oy');
		const names = await actorNames(editorPage.page);
		expect(names.some((name) => name.includes('commenter'))).toBe(false);
		const after = (await (await owner.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: { id: string; name: string }[] };
		expect(after.actors.map((actor) => actor.name).sort()).toEqual(before.actors.map((actor) => actor.name).sort());
		expect(after.actors.find((actor) => actor.id === alfa)?.name).toBe('Alfa Oy');
	});

	it('passes axe without serious or critical violations with the panel and a thread open, and on the notifications page', async () => {
		const opened = await openEditor(consultant, true);
		const c = opened.page;
		await openPanel(c);
		expect(await seriousViolations(c)).toEqual([]);
		const item = c.locator('[data-testid=annotation-item]', { hasText: gapTitle });
		await item.locator('[data-testid=annotation-comments]').click();
		await c.waitForSelector('[data-testid=thread]');
		await c.click('[data-testid=comment-reply]');
		await c.keyboard.type('@e');
		await c.waitForSelector('[data-testid=mention-suggestions]');
		expect(await seriousViolations(c)).toEqual([]);
		const notifications = await openAs(consultant, '/notifications', true);
		await notifications.page.waitForSelector('[data-testid=notification]');
		expect(await seriousViolations(notifications.page)).toEqual([]);
	});

	it('logged no console errors on any page', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
