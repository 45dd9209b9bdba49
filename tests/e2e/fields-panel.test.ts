// Every actor and link field in the side panel and the table, in real Chromium against the real server: validation messages
// in the user's language that write nothing, custom fields one user defines and another fills in, other clients' invalid
// values shown as invalid (never as links), viewers' read-only view, the catalog's undo, and axe on all of it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { PROPAGATION_MS, cellText, openEditor, screenshot, seed, seriousViolations, type OpenPage } from './table-support';

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let carol: LoggedIn;
let mapId: string;
let observer: SyncClient;
let model: MapModel;
let ids: ReturnType<typeof seed>;
let broken: string;
const pages: OpenPage[] = [];

async function open(user: LoggedIn, options: Parameters<typeof openEditor>[4] = {}): Promise<Page> {
	const opened = await openEditor(server, browser, user, mapId, options);
	pages.push(opened);
	return opened.page;
}

async function selectActor(page: Page, name: string): Promise<void> {
	const value = await page.locator('[data-testid=actor-list] option', { hasText: name }).getAttribute('value');
	await page.selectOption('[data-testid=actor-list]', value!);
	await page.waitForSelector('[data-testid=side-panel] h3');
}

/** Types into a field and leaves it with Tab, which is when the panel saves. */
async function typeAndLeave(page: Page, selector: string, text: string): Promise<void> {
	await page.fill(selector, text);
	await page.press(selector, 'Tab');
}

/** An actor written by another client, bypassing validation: what a buggy script or a newer version could store. */
function writeBrokenActor(doc: Y.Doc): string {
	const id = 'broken-actor-0001';
	doc.transact(() => {
		const actor = new Y.Map<unknown>();
		doc.getMap('actors').set(id, actor);
		actor.set('name', 'Vialla Oy');
		actor.set('kind', 'company');
		actor.set('pos', { x: 300, y: 300 });
		actor.set('createdAt', Date.now());
		actor.set('businessId', '1234567-8');
		actor.set('website', 'javascript:alert(1)');
		actor.set('roles', ['orchestrator', 'wizard']);
		actor.set('sizeClass', 'huge');
		actor.set('tags', 'not a list');
		const custom = new Y.Map<unknown>();
		actor.set('custom', custom);
		custom.set('deleted-field-001', 'orphan');
	});
	return id;
}

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	bob = await createUser(server, 'bob');
	carol = await createUser(server, 'carol');
	mapId = await createMap(alice, 'Kenttäkartta');
	await shareMap(alice, mapId, 'bob', 'editor');
	await shareMap(alice, mapId, 'carol', 'viewer');
	observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	await observer.synced;
	model = new MapModel(observer.doc);
	ids = seed(model);
	broken = writeBrokenActor(observer.doc);
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const { context } of pages) await context.close().catch(() => {});
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

describe('actor and link fields', () => {
	let a: Page;
	let b: Page;

	it('refuses an invalid Business ID with the reason in Finnish, and writes nothing', async () => {
		b = await open(bob, { locale: 'fi' });
		await selectActor(b, 'Beta Oy');
		const before = Y.encodeStateVector(observer.doc);

		await typeAndLeave(b, '[data-testid=actor-business-id]', '1234567-8');
		await expect.poll(() => b.textContent('[data-testid=actor-business-id-field-error]')).toContain('Y-tunnuksen tarkistusnumero ei täsmää');
		expect(await b.getAttribute('[data-testid=actor-business-id]', 'aria-invalid')).toBe('true');
		await typeAndLeave(b, '[data-testid=actor-business-id]', '12345');
		await expect.poll(() => b.textContent('[data-testid=actor-business-id-field-error]')).toContain('Y-tunnus kirjoitetaan seitsemänä numerona');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(Y.encodeStateVector(observer.doc)).toEqual(before);
		expect(model.actor(ids.beta)?.businessId).toBeUndefined();

		// The old 6-digit form is accepted and stored canonically.
		await typeAndLeave(b, '[data-testid=actor-business-id]', '112038-9');
		await waitFor(() => model.actor(ids.beta)?.businessId === '0112038-9', 'the Business ID is stored', 5_000);
		await expect.poll(() => b.inputValue('[data-testid=actor-business-id]')).toBe('0112038-9');
		expect(await b.locator('[data-testid=actor-business-id-field-error]').count()).toBe(0);
	});

	it('refuses an invalid Business ID in a table cell too, and keeps the cell open to fix it', async () => {
		await b.focus('[data-testid=view-table]');
		await b.keyboard.press('Enter');
		await b.waitForSelector('[data-testid=actors-grid]');
		await b.focus(`[data-testid=actors-grid] [data-row="${ids.beta}"][data-col=businessId]`);
		const before = Y.encodeStateVector(observer.doc);
		await b.keyboard.press('Enter');
		await b.keyboard.press('Control+a');
		await b.keyboard.type('ABC-1');
		await b.keyboard.press('Enter');
		await expect.poll(() => b.textContent('[data-testid=cell-error]')).toContain('Y-tunnus kirjoitetaan seitsemänä numerona');
		await screenshot(b, 'table-cell-error-fi');
		await b.keyboard.press('Escape');
		expect(await b.locator('[data-testid=cell-error]').count()).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(Y.encodeStateVector(observer.doc)).toEqual(before);
		expect(await cellText(b, 'actors-grid', ids.beta, 'businessId')).toBe('0112038-9');
	});

	it('saves roles, sectors, size, website, description and tags from the side panel', async () => {
		a = await open(alice);
		await selectActor(a, 'Gamma ry');
		await a.check('[data-testid=actor-roles] input[value=orchestrator]');
		await a.check('[data-testid=actor-roles] input[value=expert]');
		await a.check(`[data-testid=actor-sectors] input[value="${ids.sector}"]`);
		await a.selectOption('[data-testid=actor-size-class]', '10-19');
		await typeAndLeave(a, '[data-testid=actor-website]', 'gamma.fi/yhdistys');
		await typeAndLeave(a, '[data-testid=actor-description]', 'Yrittäjäyhdistys.');
		await a.fill('[data-testid=actor-tags-input]', 'vienti, vihreä siirtymä');
		await a.press('[data-testid=actor-tags-input]', 'Enter');
		await waitFor(() => {
			const gamma = model.actor(ids.gamma);
			return gamma?.tags?.length === 2 && gamma.description === 'Yrittäjäyhdistys.';
		}, 'the fields reach the server', 5_000);
		const gamma = model.actor(ids.gamma)!;
		expect(gamma.roles).toEqual(['orchestrator', 'expert']);
		expect(gamma.sectors).toEqual([ids.sector]);
		expect(gamma.sizeClass).toBe('10-19');
		expect(gamma.website).toBe('https://gamma.fi/yhdistys');
		expect(gamma.tags).toEqual(['vienti', 'vihreä siirtymä']);
		expect(await a.getAttribute('[data-testid=actor-website-link]', 'href')).toBe('https://gamma.fi/yhdistys');

		// A tag goes with its chip's button, from the keyboard; focus moves to the next chip.
		await a.focus('[data-testid=actor-tags] button[aria-label="Remove tag vienti"]');
		await a.keyboard.press('Enter');
		await waitFor(() => JSON.stringify(model.actor(ids.gamma)?.tags) === '["vihreä siirtymä"]', 'the tag is removed', 5_000);
		expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove tag vihreä siirtymä');

		// A script address is refused, and nothing is written.
		const before = Y.encodeStateVector(observer.doc);
		await typeAndLeave(a, '[data-testid=actor-website]', 'javascript:alert(1)');
		await expect.poll(() => a.textContent('[data-testid=actor-website-field-error]')).toContain('Not a web address');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(Y.encodeStateVector(observer.doc)).toEqual(before);
		await screenshot(a, 'side-panel-actor');
	});

	it('saves every field of a link, opened from the actor without the canvas', async () => {
		await selectActor(a, 'Alfa Oy');
		await a.click('[data-testid=open-link]');
		await a.waitForSelector('[data-testid=link-strength]');
		expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('Link');
		await a.selectOption('[data-testid=link-strength]', '5');
		await a.selectOption('[data-testid=link-direction]', 'mutual');
		await a.selectOption('[data-testid=link-status]', 'planned');
		await typeAndLeave(a, '[data-testid=link-year-from]', '2021');
		await typeAndLeave(a, '[data-testid=link-year-to]', '2019');
		await expect.poll(() => a.textContent('[data-testid=side-panel]')).toContain('The first year is after the last.');
		await typeAndLeave(a, '[data-testid=link-year-to]', '2024');
		await typeAndLeave(a, '[data-testid=link-evidence]', 'Vuosikertomus 2023');
		await typeAndLeave(a, '[data-testid=link-description]', 'Alihankinta');
		await waitFor(() => model.link(ids.link)?.description === 'Alihankinta', 'the link fields reach the server', 5_000);
		expect(model.link(ids.link)).toMatchObject({
			strength: 5,
			direction: 'mutual',
			status: 'planned',
			years: { from: 2021, to: 2024 },
			evidence: 'Vuosikertomus 2023'
		});
		await screenshot(a, 'side-panel-link');
	});

	let staffField: string;
	let stageField: string;

	it('shows custom fields one user defines to the other at once, and takes their values', async () => {
		await a.click('[data-testid=open-catalog]');
		await a.waitForSelector('[data-testid=catalog-dialog][open]');
		await a.fill('[data-testid=new-field-name]', 'Henkilöstö');
		await a.selectOption('[data-testid=new-field-type]', 'number');
		await a.click('[data-testid=add-field]');
		await a.fill('[data-testid=new-field-name]', 'Kehitysvaihe');
		await a.selectOption('[data-testid=new-field-type]', 'choice');
		await a.fill('[data-testid=new-field-options]', 'Idea\nPilotti\nTuotanto');
		await a.click('[data-testid=add-field]');
		await a.fill('[data-testid=new-field-name]', 'Sopimus');
		await a.selectOption('[data-testid=new-field-type]', 'url');
		await a.selectOption('[data-testid=new-field-target]', 'link');
		await a.click('[data-testid=add-field]');
		await a.fill('[data-testid=new-sector-name]', 'Kiertotalous');
		await a.check('[data-testid=new-sector-growth]');
		await a.click('[data-testid=add-sector]');
		await waitFor(() => model.fields().length === 3 && model.sectors().length === 2, 'the catalogue reaches the server', 5_000);
		staffField = model.fields().find((field) => field.name === 'Henkilöstö')!.id;
		stageField = model.fields().find((field) => field.name === 'Kehitysvaihe')!.id;
		await screenshot(a, 'catalog-dialog');
		await a.keyboard.press('Escape');

		// Bob's table gets the new columns, and his panel the new fields, without a reload.
		const started = Date.now();
		await waitFor(async () => (await b.locator(`[data-testid=actors-grid] [data-head="custom.${staffField}"]`).count()) === 1, 'Bob sees the column', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);
		await b.focus(`[data-testid=actors-grid] [data-row="${ids.beta}"][data-col="custom.${staffField}"]`);
		await b.keyboard.type('1 250');
		await b.keyboard.press('Tab');
		// Tab went on to the choice field's cell, editing: pick "Pilotti" by typing its first letter.
		await b.keyboard.press('p');
		await b.keyboard.press('Enter');
		await waitFor(() => model.actor(ids.beta)?.custom?.[stageField] === 'Pilotti', 'the choice is stored', 5_000);
		expect(model.actor(ids.beta)?.custom?.[staffField]).toBe(1250);

		// Alice sees them in her panel, in her language's number format.
		await selectActor(a, 'Beta Oy');
		await expect.poll(() => a.inputValue(`[data-testid=custom-${staffField}-input]`)).toBe('1250');
		await expect.poll(() => a.inputValue(`[data-testid=custom-${stageField}-input]`)).toBe('Pilotti');
		await a.click('[data-testid=view-table]');
		await expect.poll(() => cellText(a, 'actors-grid', ids.beta, `custom.${staffField}`)).toBe('1,250');
		// And Bob's panel shows the growth sector Alice added.
		await b.click('[data-testid=view-map]');
		await selectActor(b, 'Beta Oy');
		await expect.poll(() => b.textContent('[data-testid=actor-sectors]')).toContain('Kiertotalous (kasvuala)');
	});

	it('deletes a sector from the catalog after a confirmation, and one Ctrl+Z restores it with the actors using it', async () => {
		await b.check(`[data-testid=actor-sectors] input[value="${model.sectors().find((sector) => sector.name === 'Kiertotalous')!.id}"]`);
		const kierto = model.sectors().find((sector) => sector.name === 'Kiertotalous')!.id;
		await waitFor(() => model.actor(ids.beta)?.sectors?.includes(kierto) === true, 'Beta is in the sector', 5_000);
		await b.click('[data-testid=open-catalog]');
		const row = b.locator('[data-testid=sector-row]', { has: b.locator('input[aria-label*="Kiertotalous"]') });
		await row.locator('[data-testid=sector-delete]').click();
		await expect.poll(() => row.textContent()).toContain('1 toimijalta');
		await b.keyboard.press('Enter'); // focus is on the confirming button
		await waitFor(() => model.sector(kierto) === undefined && model.actor(ids.beta)?.sectors?.includes(kierto) !== true, 'sector deleted', 5_000);
		// Focus went to the list's heading, so Ctrl+Z is the map's undo, not a text field's.
		expect(await b.evaluate(() => document.activeElement?.tagName)).toBe('H3');
		await b.keyboard.press('Control+z');
		await waitFor(() => model.sector(kierto)?.growth === true && model.actor(ids.beta)?.sectors?.includes(kierto) === true, 'one undo restores both', 5_000);
		await b.keyboard.press('Escape');
	});

	it("shows other clients' invalid values as invalid, never as links, and does not fail on them", async () => {
		await selectActor(a, 'Vialla Oy');
		await a.click('[data-testid=view-map]');
		await selectActor(a, 'Vialla Oy');
		expect(await a.textContent('[data-testid=actor-business-id-field-stored]')).toContain('The stored value is not valid');
		expect(await a.inputValue('[data-testid=actor-website]')).toBe('javascript:alert(1)');
		expect(await a.locator('[data-testid=actor-website-link]').count()).toBe(0);
		expect(await a.locator('a[href^="javascript"]').count()).toBe(0);
		expect(await a.textContent('[data-testid=actor-roles]')).toContain('not one of the allowed choices');
		expect(await a.textContent('[data-testid=actor-issues]')).toContain('Custom fields: The field no longer exists');
		// Editing another field of the broken actor still works.
		await typeAndLeave(a, '[data-testid=actor-description]', 'Korjattava');
		await waitFor(() => model.actor(broken)?.description === 'Korjattava', 'the edit is stored', 5_000);

		await a.click('[data-testid=view-table]');
		await a.waitForSelector(`[data-testid=actors-grid] [data-row="${broken}"][data-col=website]`);
		expect(await a.getAttribute(`[data-testid=actors-grid] [data-row="${broken}"][data-col=website]`, 'aria-invalid')).toBe('true');
		expect(await a.locator(`[data-testid=actors-grid] [data-row="${broken}"][data-col=website] a`).count()).toBe(0);
		expect(await cellText(a, 'actors-grid', broken, 'sizeClass')).toContain('huge');
		await screenshot(a, 'table-invalid-data');
	});

	it('shows a viewer every field read-only, in the panel and the table', async () => {
		const c = await open(carol, { view: 'table' });
		await selectActor(c, 'Beta Oy');
		expect(await c.textContent('[data-testid=actor-name-text]')).toBe('Beta Oy');
		expect(await c.textContent('[data-testid=side-panel]')).toContain('0112038-9');
		expect(await c.textContent('[data-testid=side-panel]')).toContain('1,250');
		expect(await c.locator('[data-testid=panel-details] :is(input, textarea, select)').count()).toBe(0);
		expect(await c.locator('[data-testid=table-add-actor], [data-testid=actors-grid] button.delete, [data-testid=open-catalog]').count()).toBe(0);
		await c.focus(`[data-testid=actors-grid] [data-row="${ids.beta}"][data-col=name]`);
		await c.keyboard.press('Enter');
		await c.keyboard.type('x');
		expect(await c.locator('[data-testid=actors-grid] input').count()).toBe(0);
		expect(await c.getAttribute('[data-testid=actors-grid]', 'aria-readonly')).toBe('true');
		await screenshot(c, 'viewer-table');
	});

	it('passes axe without serious or critical violations on the table, the side panel, a cell editor and the catalog', async () => {
		const opened = await openEditor(server, browser, alice, mapId, { forAxe: true, view: 'table' });
		pages.push(opened);
		const page = opened.page;
		await page.waitForSelector('[data-testid=actors-grid]');
		await selectActor(page, 'Vialla Oy');
		await page.waitForSelector('[data-testid=actor-business-id]');
		expect(await seriousViolations(page)).toEqual([]);

		// A list cell's editor open.
		await page.focus(`[data-testid=actors-grid] [data-row="${ids.gamma}"][data-col=roles]`);
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-testid=actors-grid] fieldset');
		await screenshot(page, 'table-list-editor');
		expect(await seriousViolations(page)).toEqual([]);
		await page.keyboard.press('Escape');

		// The links table, with the focused link's fields in the side panel.
		await page.click('[data-testid=table-tab-links]');
		await page.waitForSelector('[data-testid=links-grid]');
		await page.focus(`[data-testid=links-grid] [data-row="${ids.link}"][data-col=kind]`);
		await page.waitForSelector('[data-testid=link-strength]');
		expect(await seriousViolations(page)).toEqual([]);
		await screenshot(page, 'table-links-panel');

		await page.click('[data-testid=open-catalog]');
		await page.waitForSelector('[data-testid=catalog-dialog][open]');
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('logged no console errors on any page', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
