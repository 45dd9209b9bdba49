// A meeting in three real Chromium contexts (a presenter and two followers) against the real server:
// following an avatar's view, "bring everyone" with one follower stepping out by panning, slides that
// followers see, a vote from open to reveal with counts hidden until then, the record on the meetings
// page, and axe on the meeting panel.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '$lib/map';
import { DiscussionModel } from '$lib/map/discussion';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { PageOpener, seriousViolations, type OpenPage } from '../support/pages';
import { connectClient, waitFor } from '../support/sync-client';

const FOLLOW_TIMEOUT_MS = 5_000;
/** Model units two centres may differ by and still count as the same view (rounding, throttled trailing sends). */
const SAME_CENTRE = 2;
/** Set KARTTA_SCREENSHOTS=<folder> to keep screenshots of what the test sees. */
const SHOTS = process.env.KARTTA_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let pia: LoggedIn;
let fred: LoggedIn;
let greta: LoggedIn;
let mapId: string;
let viewIds: string[];
let opener: PageOpener;
const pages: OpenPage[] = [];

/** Every context bypasses CSP: axe-core is injected as an inline script, which the app's CSP rightly refuses. */
async function openEditor(user: LoggedIn): Promise<OpenPage> {
	const opened = await opener.openEditor(user, mapId, { forAxe: true });
	pages.push(opened);
	return opened;
}

interface View {
	following: string;
	reason: string;
	x: number;
	y: number;
	zoom: number;
}

async function viewOf(page: Page): Promise<View> {
	return page.locator('[data-testid=follow-state]').evaluate((element) => {
		const data = (element as HTMLElement).dataset;
		return { following: data.following ?? '', reason: data.reason ?? '', x: Number(data.centreX), y: Number(data.centreY), zoom: Number(data.zoom) };
	});
}

const sameCentre = (a: View, b: View) => Math.abs(a.x - b.x) <= SAME_CENTRE && Math.abs(a.y - b.y) <= SAME_CENTRE;

async function waitForSameCentre(follower: Page, leader: Page, what: string): Promise<void> {
	await waitFor(async () => sameCentre(await viewOf(follower), await viewOf(leader)), what, FOLLOW_TIMEOUT_MS);
}

/** A drag on the empty middle of the canvas: a pan by the user. */
async function pan(page: Page, dx: number, dy: number): Promise<void> {
	const box = (await page.locator('[data-testid=canvas]').boundingBox())!;
	const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
	await page.mouse.up();
}

async function shot(page: Page, name: string): Promise<void> {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

beforeAll(async () => {
	server = await startServer();
	pia = await createUser(server, 'pia', { admin: true });
	fred = await createUser(server, 'fred');
	greta = await createUser(server, 'greta');
	mapId = await createMap(pia, 'Kokouskartta');
	await shareMap(pia, mapId, 'fred', 'editor');
	await shareMap(pia, mapId, 'greta', 'viewer');

	// Actors far apart, so the middle of every canvas is empty (a drag there pans); two saved views; targets to vote on.
	const graph = connectClient(server.wsUrl, mapId, { cookie: pia.cookie });
	const discussion = connectClient(server.wsUrl, `${mapId}/discussion`, { cookie: pia.cookie });
	await Promise.all([graph.synced, discussion.synced]);
	const model = new MapModel(graph.doc);
	model.addActor({ name: 'Alfa Oy', kind: 'company', pos: { x: -600, y: -400 } });
	model.addActor({ name: 'Beta ry', kind: 'other', pos: { x: 600, y: 400 } });
	model.addActor({ name: 'Gamma', kind: 'other', pos: { x: 600, y: -400 } });
	viewIds = [
		model.addView({ name: 'Overview', filter: {}, style: {}, viewport: { zoom: 0.5, pan: { x: 400, y: 300 } } }),
		// Slide 2 also filters: only companies show.
		model.addView({ name: 'Funders', filter: { kinds: ['company'] }, style: {}, viewport: { zoom: 1.5, pan: { x: -200, y: 500 } } })
	];
	const talk = new DiscussionModel(discussion.doc);
	for (const title of ['Skills', 'Test bed', 'Funding']) talk.addTarget({ title, createdBy: 'seed' });
	await new Promise((resolve) => setTimeout(resolve, 500));
	graph.destroy();
	discussion.destroy();
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
});

afterAll(async () => {
	await opener?.closeAll();
	await browser?.close();
	await server?.cleanup();
});

describe('presence, following and a meeting in three browsers', () => {
	let presenter: Page;
	let first: Page;
	let second: Page;
	let piaId: string;

	it("follows the presenter's pan after clicking their avatar", async () => {
		presenter = (await openEditor(pia)).page;
		first = (await openEditor(fred)).page;
		second = (await openEditor(greta)).page;
		await first.waitForSelector('[data-testid=follow-pia]');
		await first.click('[data-testid=follow-pia]');
		await waitFor(async () => (await viewOf(first)).reason === 'chosen', 'Fred follows Pia');
		piaId = (await viewOf(first)).following;
		await expect.poll(() => first.getAttribute('[data-testid=follow-pia]', 'aria-pressed')).toBe('true');
		await expect.poll(() => first.textContent('[data-testid=follow-banner]')).toContain('Following pia');

		const before = await viewOf(presenter);
		await pan(presenter, -180, -90);
		await waitFor(async () => Math.abs((await viewOf(presenter)).x - before.x) > 50, "Pia's view moved");
		await waitForSameCentre(first, presenter, "Fred's view follows Pia's pan");
		// Greta did not click: her view stays where it was.
		expect(sameCentre(await viewOf(second), await viewOf(presenter))).toBe(false);
		await shot(first, '1-following');

		// Fred's own pan ends following.
		await pan(first, 60, 40);
		await waitFor(async () => (await viewOf(first)).following === '', 'Fred stops following on his own pan');
	});

	it('brings everyone to the presenter; a follower who pans stays out', async () => {
		await presenter.click('[data-testid=meeting-toggle]');
		await presenter.fill('[data-testid=meeting-title]', 'Spring meeting');
		await presenter.fill('[data-testid=meeting-agenda]', 'Where we are\nWhat comes first');
		await presenter.click('[data-testid=meeting-start]');
		await presenter.waitForSelector('[data-testid=bring-everyone]');
		// The followers' panels open when the meeting starts.
		await first.waitForSelector('[data-testid=meeting-running]');
		await second.waitForSelector('[data-testid=meeting-running]');

		await presenter.click('[data-testid=bring-everyone]');
		for (const page of [first, second]) {
			await waitFor(async () => (await viewOf(page)).reason === 'brought', 'everyone is brought along');
			await waitForSameCentre(page, presenter, 'a follower shows the presenter’s view');
		}
		await shot(second, '2-brought');

		await pan(second, -70, 50);
		await waitFor(async () => (await viewOf(second)).following === '', 'Greta steps out by panning');
		await pan(presenter, 150, 60);
		await waitForSameCentre(first, presenter, 'Fred still follows');
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect((await viewOf(second)).following).toBe('');
		expect(sameCentre(await viewOf(second), await viewOf(presenter))).toBe(false);
	});

	it('shows each slide to the followers', async () => {
		await presenter.selectOption('[data-testid=meeting-slide-view]', viewIds[0]!);
		await presenter.fill('[data-testid=meeting-slide-note]', 'The whole ecosystem');
		await presenter.click('[data-testid=meeting-add-slide]');
		await presenter.waitForSelector('[data-testid=meeting-slide-list] li');
		await presenter.selectOption('[data-testid=meeting-slide-view]', viewIds[1]!);
		await presenter.fill('[data-testid=meeting-slide-note]', 'Who funds whom');
		await presenter.click('[data-testid=meeting-add-slide]');
		await expect.poll(() => presenter.locator('[data-testid=meeting-slide-list] li').count()).toBe(2);

		// A new round: Greta, who stepped out, is brought back.
		await presenter.click('[data-testid=bring-everyone]');
		await waitFor(async () => (await viewOf(second)).reason === 'brought', 'Greta is brought back');

		await presenter.click('[data-testid=meeting-next-slide]');
		await presenter.waitForSelector('[data-testid=meeting-current-slide][data-slide="0"]');
		await presenter.click('[data-testid=meeting-next-slide]');
		for (const page of [presenter, first, second]) await page.waitForSelector('[data-testid=meeting-current-slide][data-slide="1"]');
		// The presenter shows the slide's saved view; the followers show the same area.
		await waitFor(async () => Math.abs((await viewOf(presenter)).zoom - 1.5) < 0.001, "the presenter shows slide 2's view");
		for (const page of [first, second]) await waitForSameCentre(page, presenter, "a follower shows slide 2's view");
		expect(await second.textContent('[data-testid=meeting-current-slide]')).toContain('Who funds whom');
		// The saved view's filter comes with the slide: one company of three actors shows.
		for (const page of [presenter, first, second]) await expect.poll(() => page.getAttribute('[data-testid=visible-count]', 'data-visible-actors')).toBe('1');
		await shot(presenter, '3-slide-presenter');
		await shot(second, '3-slide-follower');
		// The presenter can also save what they see now as a new view and slide.
		await presenter.fill('[data-testid=meeting-new-view-name]', 'Right now');
		await presenter.click('[data-testid=meeting-add-current-view]');
		await expect.poll(() => presenter.locator('[data-testid=meeting-slide-list] li').count()).toBe(3);
		// Slide 2 stays shown while the list around it changes.
		await expect.poll(() => second.textContent('[data-testid=meeting-current-slide]')).toContain('Slide 2 of 3');
	});

	it('keeps a vote hidden until the presenter reveals it, then all see the same counts', async () => {
		await presenter.fill('[data-testid=vote-question]', 'What comes first?');
		await presenter.fill('[data-testid=vote-per-person]', '3');
		await presenter.click('[data-testid=vote-open]');
		for (const page of [first, second]) await page.waitForSelector('[data-testid=vote-ballot]');

		const optionIds = await first.locator('[data-testid=vote-input]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-option')!));
		expect(optionIds).toHaveLength(3);
		const [a, b] = optionIds as [string, string];
		await first.fill(`[data-testid=vote-input][data-option="${a}"]`, '2');
		await first.fill(`[data-testid=vote-input][data-option="${b}"]`, '1');
		await expect.poll(() => first.textContent('[data-testid=vote-remaining]')).toContain('0');
		await first.click('[data-testid=vote-cast]');
		await expect.poll(() => first.textContent('[data-testid=vote-cast-note]')).toContain('saved');
		await second.fill(`[data-testid=vote-input][data-option="${a}"]`, '3');
		await second.click('[data-testid=vote-cast]');
		await expect.poll(() => second.textContent('[data-testid=vote-cast-note]')).toContain('saved');
		await shot(second, '4-ballot');

		// Before the reveal: no counts anywhere, not in the other follower's page nor from the API.
		for (const page of [presenter, first, second]) expect(await page.locator('[data-testid=vote-results]').count()).toBe(0);
		const voteId = (await second.getAttribute('[data-testid=meeting-vote]', 'data-vote'))!;
		const meetingId = (await second.getAttribute('[data-testid=meeting-running]', 'data-meeting'))!;
		const hidden = await greta.fetch(`/api/v1/maps/${mapId}/meetings/${meetingId}/votes/${voteId}/results`);
		expect(hidden.status).toBe(409);
		// Fred's page holds his own ballot only: Greta's three votes for A appear nowhere in it.
		expect(await first.inputValue(`[data-testid=vote-input][data-option="${a}"]`)).toBe('2');

		await presenter.click('[data-testid=vote-reveal]');
		const counts = async (page: Page) => {
			await page.waitForSelector('[data-testid=vote-results]');
			return page.locator('[data-testid=vote-results] tbody tr').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-option')}=${row.getAttribute('data-count')}`).sort());
		};
		const expected = [`${a}=5`, `${b}=1`, `${optionIds[2]}=0`].sort();
		for (const page of [presenter, first, second]) expect(await counts(page)).toEqual(expected);
		const shown = (await (await greta.fetch(`/api/v1/maps/${mapId}/meetings/${meetingId}/votes/${voteId}/results`)).json()) as { voters: number };
		expect(shown.voters).toBe(2);
		await shot(presenter, '5-results');
	});

	it('passes axe on the meeting panel for the presenter and a participant', async () => {
		await presenter.fill('[data-testid=meeting-decision-text]', 'Skills first');
		await presenter.click('[data-testid=meeting-add-decision]');
		await second.waitForSelector('[data-testid=meeting-decisions] li');
		expect(await seriousViolations(presenter, '[data-testid=meeting-panel]')).toEqual([]);
		expect(await seriousViolations(second, '[data-testid=meeting-panel]')).toEqual([]);
		expect(await seriousViolations(second, '[data-testid=follow-state]')).toEqual([]);
		expect(await seriousViolations(first, '[data-testid=presence-list]')).toEqual([]);
	});

	it('ends the meeting and lists its record on the meetings page', async () => {
		await presenter.click('[data-testid=meeting-end]');
		await presenter.click('[data-testid=meeting-end-confirm]');
		await second.waitForSelector('[data-testid=meeting-none]');
		await second.click('[data-testid=meetings-link]');
		await second.waitForSelector('[data-testid=meeting-record]');
		const record = (await second.textContent('[data-testid=meeting-record]'))!;
		expect(record).toContain('Spring meeting');
		expect(record).toContain('Skills first');
		expect(record).toContain('What comes first?');
		expect(await second.textContent('[data-testid=meeting-attendees]')).toMatch(/pia.*fred|fred.*pia/);
		await shot(second, '6-meetings-page');
		expect(await seriousViolations(second, 'main')).toEqual([]);
		void piaId;
	});

	it('logged no console errors on any page', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
