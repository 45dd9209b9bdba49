// Hostile and odd input on every JSON route and every form: wrong types, missing fields, huge
// bodies and odd Unicode (lone surrogates, bidi overrides, zero-width characters, 10 000-character
// strings). Each answer is a 4xx with a useful message — JSON for the API, the page re-rendered
// with its error for forms — and storage is exactly as before. Unusual but valid text still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../src/lib/server/limits';
import { createMap, createUser, shareMap, startServer, TEST_PASSWORD, type LoggedIn, type TestServer } from '../support/server';
import { openDatabase } from './helpers';
import { rowCount, storageFingerprint } from './hardening-helpers';

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';
const RTL_OVERRIDE = '\u202E';
const ZERO_WIDTH = '\u200B\u200C\u200D\uFEFF';
const TEN_THOUSAND = 'x'.repeat(10_000);
const HUGE = 'x'.repeat(MAX_JSON_BODY_BYTES + 1024);

/** Odd strings for any one-line text field, each with the reason it must be refused. */
const ODD_TEXT: Array<[string, string]> = [
	['a lone high surrogate', `map ${LONE_HIGH}`],
	['a lone low surrogate', `${LONE_LOW} map`],
	['a right-to-left override', `${RTL_OVERRIDE}gpj.exe`],
	['bidi isolates', 'a\u2066b\u2069'],
	['zero-width characters only', ZERO_WIDTH],
	['a NUL character', 'a\u0000b'],
	['a line break', 'first\nsecond'],
	['a replacement character (bytes that were not UTF-8)', 'caf\uFFFD'],
	['10 000 characters', TEN_THOUSAND]
];

interface ErrorBody {
	error: { code: string; message: string };
}

/** The answer is a 4xx JSON error whose message says something specific. */
async function expectJsonRefusal(what: string, response: Response, status?: number): Promise<ErrorBody> {
	expect(response.status, `${what}: a 4xx`).toBeGreaterThanOrEqual(400);
	expect(response.status, `${what}: a 4xx`).toBeLessThan(500);
	if (status) expect(response.status, `${what}: status`).toBe(status);
	expect(response.headers.get('content-type') ?? '', `${what}: JSON`).toMatch(/^application\/json/);
	const body = (await response.json()) as ErrorBody;
	expect(body.error?.code, `${what}: an error code`).toMatch(/^[a-z_]+$/);
	expect(body.error?.message?.length ?? 0, `${what}: a message`).toBeGreaterThan(10);
	expect(body.error.message, `${what}: a specific message`).not.toMatch(/Something went wrong/);
	return body;
}

describe('odd input on the JSON API', () => {
	let server: TestServer;
	let owner: LoggedIn;
	let mapId: string;

	beforeAll(async () => {
		server = await startServer();
		owner = await createUser(server, 'olga', { admin: true });
		await createUser(server, 'bob');
		mapId = await createMap(owner, 'Input');
		await shareMap(owner, mapId, 'bob', 'viewer');
	});
	afterAll(async () => server?.cleanup());

	/** Sends a raw body (a string is sent as is, anything else as JSON) and checks nothing changed. */
	async function refused(what: string, method: string, path: string, body: unknown, status?: number, user: LoggedIn | null = owner) {
		const before = storageFingerprint(server);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (user) headers.cookie = user.cookie;
		const response = await fetch(server.url + path, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
		const answer = await expectJsonRefusal(what, response, status);
		expect(storageFingerprint(server), `${what}: storage unchanged`).toBe(before);
		return answer;
	}

	const WRONG_BODIES: Array<[string, string]> = [
		['an array', '[]'],
		['null', 'null'],
		['a number', '42'],
		['a string', '"title"'],
		['truncated JSON', '{"title": '],
		['an empty body', '']
	];

	describe('POST /api/v1/maps', () => {
		for (const [name, raw] of WRONG_BODIES) it(`refuses ${name} as the body`, () => refused(`POST /maps with ${name}`, 'POST', '/api/v1/maps', raw, 400));
		for (const [name, title] of [['a number', 5], ['a boolean', true], ['an object', {}], ['an array', ['a']], ['null', null]] as const)
			it(`refuses a title that is ${name}`, () => refused(`title = ${name}`, 'POST', '/api/v1/maps', { title }, 400));
		it('refuses a missing title', async () => expect((await refused('no title', 'POST', '/api/v1/maps', {}, 400)).error.code).toBe('invalid_title'));
		it('refuses demo that is not a boolean', () => refused('demo = "yes"', 'POST', '/api/v1/maps', { demo: 'yes' }, 400));
		it('refuses a body over the limit with 413', () => refused('huge body', 'POST', '/api/v1/maps', { title: HUGE }, 413));
		for (const [name, title] of ODD_TEXT)
			it(`refuses a title with ${name}`, async () => {
				const { error } = await refused(`title with ${name}`, 'POST', '/api/v1/maps', { title }, 400);
				expect(['invalid_title', 'invalid_body'], `title with ${name}: code`).toContain(error.code);
			});
		it('keeps unusual but valid titles exactly: Arabic, emoji sequences, Nordic letters, one joiner inside a word', async () => {
			for (const title of ['خريطة الابتكار', '👩‍💻 Kartta 🇫🇮', 'Ääni & Åland – ø', 'می‌خواهم', 'x'.repeat(200)]) {
				const response = await owner.fetch('/api/v1/maps', { method: 'POST', json: { title: `  ${title}  ` } });
				expect(response.status, `"${title}" is accepted`).toBe(201);
				const { id } = (await response.json()) as { id: string };
				const stored = (await (await owner.fetch(`/api/v1/maps/${id}`)).json()) as { title: string };
				expect(stored.title, `"${title}" is stored exactly (trimmed)`).toBe(title);
			}
		});
	});

	describe('POST /api/v1/tokens', () => {
		for (const [name, raw] of WRONG_BODIES) it(`refuses ${name} as the body`, () => refused(`POST /tokens with ${name}`, 'POST', '/api/v1/tokens', raw, 400));
		for (const [name, label] of [['a number', 1], ['null', null], ['an array', ['a']]] as const)
			it(`refuses a label that is ${name}`, () => refused(`label = ${name}`, 'POST', '/api/v1/tokens', { label }, 400));
		it('refuses a missing label', () => refused('no label', 'POST', '/api/v1/tokens', {}, 400));
		it('refuses a body over the limit with 413', () => refused('huge body', 'POST', '/api/v1/tokens', { label: HUGE }, 413));
		for (const [name, label] of ODD_TEXT)
			it(`refuses a label with ${name}`, async () => {
				const { error } = await refused(`label with ${name}`, 'POST', '/api/v1/tokens', { label }, 400);
				expect(error.code, `label with ${name}: code`).toBe('invalid_label');
			});
	});

	describe('PUT /api/v1/maps/:id/members/:username', () => {
		const path = () => `/api/v1/maps/${mapId}/members/bob`;
		for (const [name, raw] of WRONG_BODIES) it(`refuses ${name} as the body`, () => refused(`PUT member with ${name}`, 'PUT', path(), raw, 400));
		for (const [name, role] of [['a number', 3], ['null', null], ['an array', ['owner']], ['an object', { role: 'owner' }]] as const)
			it(`refuses a role that is ${name}`, () => refused(`role = ${name}`, 'PUT', path(), { role }, 400));
		it('refuses a missing role', () => refused('no role', 'PUT', path(), {}, 400));
		it('refuses a body over the limit with 413', () => refused('huge body', 'PUT', path(), { role: HUGE }, 413));
		for (const [name, role] of [['a zero-width space', 'owner\u200B'], ['an RTL override', `${RTL_OVERRIDE}owner`], ['upper case', 'OWNER'], ['a lone surrogate', `owner${LONE_HIGH}`]] as const)
			it(`refuses a role with ${name}`, async () => expect((await refused(`role with ${name}`, 'PUT', path(), { role }, 400)).error.code).toBe('invalid_role'));
		for (const [name, username] of [
			['an RTL override', encodeURIComponent(`${RTL_OVERRIDE}bob`)],
			['a zero-width space', encodeURIComponent('bo\u200Bb')],
			['10 000 characters', TEN_THOUSAND],
			['bytes that are not UTF-8', '%ED%A0%80'],
			['a NUL byte', '%00']
		] as const)
			it(`answers a username in the path with ${name} with a JSON 4xx`, () => refused(`username with ${name}`, 'PUT', `/api/v1/maps/${mapId}/members/${username}`, { role: 'viewer' }));
	});

	describe('versions, meetings and votes', () => {
		let meetingPath: string;
		beforeAll(async () => {
			const started = await owner.fetch(`/api/v1/maps/${mapId}/meetings`, { method: 'POST', json: { title: 'Input meeting' } });
			expect(started.status, 'a meeting runs for these cases').toBe(201);
			meetingPath = `/api/v1/maps/${mapId}/meetings/${((await started.json()) as { id: string }).id}`;
		});
		const oneLineOdd = ODD_TEXT;
		// Notes and decisions are paragraphs: line breaks are text there.
		const paragraphOdd = ODD_TEXT.filter(([name]) => name !== 'a line break');

		for (const [name, raw] of WRONG_BODIES) it(`POST versions refuses ${name} as the body`, () => refused(`POST versions with ${name}`, 'POST', `/api/v1/maps/${mapId}/versions`, raw, 400));
		for (const [name, value] of [...oneLineOdd, ['a number', 7], ['nothing', undefined]] as Array<[string, unknown]>)
			it(`POST versions refuses a name with ${name}`, () => refused(`version name with ${name}`, 'POST', `/api/v1/maps/${mapId}/versions`, { name: value }, 400));
		it('POST versions refuses a body over the limit with 413', () => refused('huge version body', 'POST', `/api/v1/maps/${mapId}/versions`, { name: HUGE }, 413));

		for (const [name, body] of [
			...oneLineOdd.map(([n, title]) => [`a title with ${n}`, { title }] as [string, unknown]),
			...oneLineOdd.map(([n, item]) => [`an agenda item with ${n}`, { title: 'Fine', agenda: [item] }] as [string, unknown]),
			['an agenda that is a string', { title: 'Fine', agenda: 'first; second' }],
			['no title', {}]
		] as Array<[string, unknown]>)
			it(`POST meetings refuses ${name}`, () => refused(`meeting with ${name}`, 'POST', `/api/v1/maps/${mapId}/meetings`, body, 400));

		for (const [name, body] of [
			...paragraphOdd.map(([n, text]) => [`a decision with ${n}`, { text }] as [string, unknown]),
			['a numeric decision', { text: 5 }]
		] as Array<[string, unknown]>)
			it(`POST decisions refuses ${name}`, () => refused(`decision with ${name}`, 'POST', `${meetingPath}/decisions`, body, 400));
		for (const [name, body] of [
			['a slide note with an RTL override', { slides: [{ viewId: 'v1', note: `${RTL_OVERRIDE}x` }] }],
			['a slide note with a lone surrogate', { slides: [{ viewId: 'v1', note: LONE_HIGH }] }],
			['slides that are not a list', { slides: 'v1' }],
			['51 slides', { slides: Array.from({ length: 51 }, () => ({ viewId: 'v1' })) }]
		] as Array<[string, unknown]>)
			it(`PUT slides refuses ${name}`, () => refused(`slides with ${name}`, 'PUT', `${meetingPath}/slides`, body, 400));
		for (const [name, index] of [['a string', '1'], ['a fraction', 0.5], ['-2', -2], ['null', null]] as Array<[string, unknown]>)
			it(`PUT slide refuses an index that is ${name}`, () => refused(`slide index ${name}`, 'PUT', `${meetingPath}/slide`, { index }, 400));
		for (const [name, body] of [
			...oneLineOdd.map(([n, question]) => [`a question with ${n}`, { question, kind: 'targets', votesPerPerson: 1 }] as [string, unknown]),
			['an unknown kind', { question: 'Which?', kind: 'everything', votesPerPerson: 1 }],
			['no votes per person', { question: 'Which?', kind: 'targets', votesPerPerson: 0 }],
			['a fractional vote count', { question: 'Which?', kind: 'targets', votesPerPerson: 1.5 }],
			['votes per person as a string', { question: 'Which?', kind: 'targets', votesPerPerson: '1' }]
		] as Array<[string, unknown]>)
			it(`POST votes refuses ${name}`, () => refused(`vote with ${name}`, 'POST', `${meetingPath}/votes`, body, 400));
		for (const [name, votes] of [['negative votes', { a: -1 }], ['fractional votes', { a: 0.5 }], ['a list', [1]], ['a string', 'a']] as Array<[string, unknown]>)
			it(`PUT ballot refuses ${name}`, () => refused(`ballot with ${name}`, 'PUT', `${meetingPath}/votes/nosuchvote/ballot`, { votes }));
	});

	describe('query parameters', () => {
		for (const limit of ['abc', '-1', '100000', '1.5'])
			it(`GET /api/v1/notifications?limit=${limit} answers a JSON 400`, () => refused(`notifications limit ${limit}`, 'GET', `/api/v1/notifications?limit=${limit}`, undefined, 400));
		for (const query of ['since=yesterday', 'limit=0', 'limit=x', `until=${encodeURIComponent(RTL_OVERRIDE)}`])
			it(`GET activity?${query} answers a JSON 400`, () => refused(`activity ${query}`, 'GET', `/api/v1/maps/${mapId}/activity?${query}`, undefined, 400));
		it('GET versions/compare without ?from answers a JSON 400', () => refused('compare without from', 'GET', `/api/v1/maps/${mapId}/versions/compare`, undefined, 400));
		it('GET versions/compare with an unknown version answers a JSON 404', () => refused('compare with nonsense', 'GET', `/api/v1/maps/${mapId}/versions/compare?from=${encodeURIComponent(`${RTL_OVERRIDE}v`)}`, undefined, 404));
	});

	describe('other paths', () => {
		for (const [method, path] of [
			['GET', '/api/v1/maps/%ED%A0%80'],
			['GET', '/api/v1/maps/%ED%A0%80/document'],
			['DELETE', '/api/v1/tokens/%ED%A0%80'],
			['DELETE', `/api/v1/tokens/${TEN_THOUSAND}`],
			['GET', `/api/v1/maps/${encodeURIComponent(`${RTL_OVERRIDE}x`)}`],
			['PATCH', '/api/v1/maps'],
			['DELETE', '/api/v1/health']
		] as const)
			it(`${method} ${path.slice(0, 40)} answers a JSON 4xx and changes nothing`, () => refused(`${method} ${path.slice(0, 40)}`, method, path, undefined));
	});

	describe('POST /api/v1/session', () => {
		for (const [name, raw] of WRONG_BODIES) it(`refuses ${name} as the body`, () => refused(`POST /session with ${name}`, 'POST', '/api/v1/session', raw, 400, null));
		for (const [name, body] of [
			['a numeric username', { username: 5, password: TEST_PASSWORD }],
			['a missing password', { username: 'olga' }],
			['an empty username', { username: '', password: TEST_PASSWORD }],
			['a 10 000-character username', { username: TEN_THOUSAND, password: TEST_PASSWORD }],
			['a 10 000-character password', { username: 'olga', password: TEN_THOUSAND }]
		] as const)
			it(`refuses ${name} with a 400 before checking any password`, () => refused(`login with ${name}`, 'POST', '/api/v1/session', body, 400, null));
		it('refuses a body over the limit with 413', () => refused('huge login body', 'POST', '/api/v1/session', { username: 'olga', password: HUGE }, 413, null));
		it('answers odd-Unicode usernames as unknown users (401, the usual answer), and logs no one in', async () => {
			for (const username of [`olga${LONE_HIGH}`, `${RTL_OVERRIDE}olga`, `ol\u200Bga`]) {
				const { error } = await refused(`login as ${JSON.stringify(username)}`, 'POST', '/api/v1/session', { username, password: TEST_PASSWORD }, 401, null);
				expect(error.code).toBe('invalid_credentials');
			}
		});
	});
});

// ---- forms: the page comes back with its error, and nothing is stored

/** Posts a form as a browser without JavaScript does, in English. */
function postForm(server: TestServer, path: string, fields: Record<string, string> | string, cookie?: string): Promise<Response> {
	const headers: Record<string, string> = {
		origin: server.url,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		cookie: ['kartta_locale=en', cookie].filter(Boolean).join('; ')
	};
	return fetch(server.url + path, { method: 'POST', headers, body: typeof fields === 'string' ? fields : new URLSearchParams(fields), redirect: 'manual' });
}

/** A form refused: a 4xx page showing the error (in English), and storage as before. */
async function expectFormRefusal(what: string, server: TestServer, response: Response, before: string, message: RegExp, status?: number): Promise<string> {
	expect(response.status, `${what}: a 4xx`).toBeGreaterThanOrEqual(400);
	expect(response.status, `${what}: a 4xx`).toBeLessThan(500);
	if (status) expect(response.status, `${what}: status`).toBe(status);
	expect(response.headers.get('content-type') ?? '', `${what}: a page`).toMatch(/^text\/html/);
	const html = await response.text();
	expect(html, `${what}: the page shows an alert`).toMatch(/role="alert"/);
	expect(html, `${what}: the alert says what was wrong`).toMatch(message);
	expect(storageFingerprint(server), `${what}: storage unchanged`).toBe(before);
	return html;
}

const DISPLAY_NAME_REFUSED = /display name has at most 100 characters/;
const USERNAME_REFUSED = /A username has 2–64 characters/;

describe('odd input on the first-run form', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => server?.cleanup());

	it('/setup refuses bad usernames, display names and passwords, re-renders the form with what was typed, and creates no one', async () => {
		const good = { username: 'ada', displayName: 'Ada', password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' };
		const cases: Array<[string, Record<string, string>, RegExp]> = [
			['a username with an RTL override', { ...good, username: `${RTL_OVERRIDE}ada` }, USERNAME_REFUSED],
			['a zero-width username', { ...good, username: ZERO_WIDTH }, USERNAME_REFUSED],
			['a 10 000-character username', { ...good, username: TEN_THOUSAND }, USERNAME_REFUSED],
			['a display name with an RTL override', { ...good, displayName: `Ada ${RTL_OVERRIDE}nimda` }, DISPLAY_NAME_REFUSED],
			['a display name with a line break', { ...good, displayName: 'Ada\nAdmin' }, DISPLAY_NAME_REFUSED],
			['a display name of 101 characters', { ...good, displayName: 'a'.repeat(101) }, DISPLAY_NAME_REFUSED],
			['a 10 000-character display name', { ...good, displayName: TEN_THOUSAND }, DISPLAY_NAME_REFUSED],
			['a display name of zero-width characters', { ...good, displayName: ZERO_WIDTH }, DISPLAY_NAME_REFUSED],
			['different passwords', { ...good, passwordAgain: 'something-else-entirely' }, /passwords differ/i],
			['a common password', { ...good, password: 'password123', passwordAgain: 'password123' }, /That password will not do/],
			['missing fields', {}, USERNAME_REFUSED]
		];
		for (const [name, fields, message] of cases) {
			const before = storageFingerprint(server);
			const html = await expectFormRefusal(`/setup with ${name}`, server, await postForm(server, '/setup', fields), before, message, 400);
			if (fields.username && fields.username.length < 100) expect(html, `/setup with ${name}: keeps the username typed`).toContain(`value="${fields.username.replace(/&/g, '&amp;')}`);
		}
		// Bytes that are not UTF-8 arrive as U+FFFD: refused like any broken text.
		const before = storageFingerprint(server);
		await expectFormRefusal('/setup with a display name that is not UTF-8', server, await postForm(server, '/setup', 'username=ada&displayName=%ED%A0%80&password=a-long-new-password-4&passwordAgain=a-long-new-password-4'), before, DISPLAY_NAME_REFUSED, 400);
		expect(rowCount(server, 'users'), 'nobody was created').toBe(0);

		const huge = await postForm(server, '/setup', { ...good, displayName: 'x'.repeat(600_000) });
		expect(huge.status, '/setup with a 600 KB body: refused as too large').toBe(413);
		expect(rowCount(server, 'users'), 'nobody was created by the huge form').toBe(0);

		const done = await postForm(server, '/setup', good);
		expect(done.status, '/setup with good input creates the administrator').toBe(303);
		expect(rowCount(server, 'users')).toBe(1);
	});
});

describe('odd input on forms', () => {
	let server: TestServer;
	let admin: LoggedIn;
	let mapId: string;

	beforeAll(async () => {
		server = await startServer();
		admin = await createUser(server, 'olga', { admin: true });
		await createUser(server, 'ada');
		mapId = await createMap(admin, 'Forms');
	});
	afterAll(async () => server?.cleanup());

	it('/maps?/create refuses odd titles with the page and its error, and creates no map', async () => {
		for (const [name, title] of ODD_TEXT) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`create a map titled with ${name}`, server, await postForm(server, '/maps?/create', { title }, admin.cookie), before, /Give the map a title/, 400);
		}
		const before = storageFingerprint(server);
		await expectFormRefusal('create a map with no title field', server, await postForm(server, '/maps?/create', {}, admin.cookie), before, /Give the map a title/, 400);
	});

	it('/account?/createToken refuses odd labels, ?/deleteToken an unknown token, ?/password mismatches and weak passwords', async () => {
		for (const [name, label] of [...ODD_TEXT, ['no label', '']] as Array<[string, string]>) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`token labelled with ${name}`, server, await postForm(server, '/account?/createToken', { label }, admin.cookie), before, /Give the token a name/, 400);
		}
		for (const id of ['nosuchtoken', '%ED%A0%80', TEN_THOUSAND]) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`delete token ${id.slice(0, 20)}`, server, await postForm(server, '/account?/deleteToken', `id=${id}`, admin.cookie), before, /not found|does not exist|No such/i, 404);
		}
		for (const [name, fields, message] of [
			['different new passwords', { current: TEST_PASSWORD, password: 'a-long-new-password-5', passwordAgain: 'a-long-new-password-6' }, /passwords differ/i],
			['a common new password', { current: TEST_PASSWORD, password: 'password123', passwordAgain: 'password123' }, /That password will not do/],
			['a wrong current password', { current: 'not-my-password-1', password: 'a-long-new-password-5', passwordAgain: 'a-long-new-password-5' }, /Wrong username or password/]
		] as const) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`change password with ${name}`, server, await postForm(server, '/account?/password', fields, admin.cookie), before, message);
		}
	});

	it('/admin?/createUser, ?/setDisabled refuse bad input with the page and its error', async () => {
		for (const [name, fields, message] of [
			['an RTL-override username', { username: `${RTL_OVERRIDE}eve`, password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, USERNAME_REFUSED],
			['a display name with bidi isolates', { username: 'eve', displayName: 'Eve \u2066x\u2069', password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, DISPLAY_NAME_REFUSED],
			['a 10 000-character display name', { username: 'eve', displayName: TEN_THOUSAND, password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, DISPLAY_NAME_REFUSED]
		] as const) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`create user with ${name}`, server, await postForm(server, '/admin?/createUser', fields, admin.cookie), before, message, 400);
		}
		for (const [name, fields, status] of [
			['an unknown user id', { userId: 'nosuchuser', disabled: 'true' }, 404],
			['a flag that is neither true nor false', { userId: 'nosuchuser', disabled: 'maybe' }, 400],
			['no fields at all', {}, 400]
		] as const) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`disable with ${name}`, server, await postForm(server, '/admin?/setDisabled', fields, admin.cookie), before, /./, status);
		}
	});

	it('/maps/:id/members?/set refuses odd usernames and roles with the page and its error', async () => {
		for (const [name, fields, message, status] of [
			['an RTL-override username', { username: `${RTL_OVERRIDE}ada`, role: 'viewer' }, /No such user/, 404],
			['a zero-width username', { username: ZERO_WIDTH, role: 'viewer' }, /No such user/, 404],
			['a role with a zero-width space', { username: 'ada', role: 'owner\u200B' }, /./, 400],
			['no role', { username: 'ada' }, /./, 400]
		] as const) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`set member with ${name}`, server, await postForm(server, `/maps/${mapId}/members?/set`, fields, admin.cookie), before, message, status);
		}
	});

	it('/maps/:id/members?/share and ?/revokeShare refuse odd labels, expiries and unknown links', async () => {
		for (const [name, fields, status] of [
			...ODD_TEXT.map(([n, label]) => [`a label with ${n}`, { label, days: '7' }, 400] as const),
			['an expiry of 5 days', { label: 'Guests', days: '5' }, 400],
			['an expiry that is not a number', { label: 'Guests', days: 'forever' }, 400]
		] as Array<[string, Record<string, string>, number]>) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`share link with ${name}`, server, await postForm(server, `/maps/${mapId}/members?/share`, fields, admin.cookie), before, /./, status);
		}
		const before = storageFingerprint(server);
		await expectFormRefusal('revoke an unknown link', server, await postForm(server, `/maps/${mapId}/members?/revokeShare`, { id: `${RTL_OVERRIDE}x` }, admin.cookie), before, /./, 404);
	});

	it('/maps/:id/history?/save refuses odd version names, ?/restore an unknown version', async () => {
		for (const [name, value] of ODD_TEXT) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`save a version named with ${name}`, server, await postForm(server, `/maps/${mapId}/history?/save`, { name: value }, admin.cookie), before, /./, 400);
		}
		const before = storageFingerprint(server);
		await expectFormRefusal('restore an unknown version', server, await postForm(server, `/maps/${mapId}/history?/restore`, { version: 'nosuchversion' }, admin.cookie), before, /./, 404);
	});

	it('/invite/:token refuses bad input with the page and its error, and the invitation stays unused', async () => {
		const page = await postForm(server, '/admin?/invite', {}, admin.cookie);
		const token = /\/invite\/([a-z2-7]+\.[a-z2-7]+)/.exec(await page.text())![1]!;
		for (const [name, fields, message] of [
			['a display name with an RTL override', { username: 'ivan', displayName: `${RTL_OVERRIDE}ivan`, password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, DISPLAY_NAME_REFUSED],
			['a username of zero-width characters', { username: ZERO_WIDTH, password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, USERNAME_REFUSED],
			['a 10 000-character username', { username: TEN_THOUSAND, password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' }, USERNAME_REFUSED]
		] as const) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`accept invite with ${name}`, server, await postForm(server, `/invite/${token}`, fields), before, message, 400);
		}
		const db = openDatabase(server);
		try {
			expect((db.prepare('SELECT used_by FROM invites WHERE id = ?').get(token.split('.')[0]) as { used_by: string | null }).used_by, 'the invitation is still unused').toBeNull();
		} finally {
			db.close();
		}
	});

	it('/login with missing or odd fields answers 401 with the page and its error, and opens no session', async () => {
		for (const fields of [{}, { username: `${RTL_OVERRIDE}olga`, password: TEST_PASSWORD }, { username: 'olga' }] as Array<Record<string, string>>) {
			const before = storageFingerprint(server);
			await expectFormRefusal(`login with ${JSON.stringify(fields).slice(0, 40)}`, server, await postForm(server, '/login', fields), before, /Wrong username or password/, 401);
		}
	});

	it('/language refuses an unknown locale with a 400 page that says so, and sets nothing', async () => {
		const response = await postForm(server, '/language', { locale: `en${RTL_OVERRIDE}`, next: '/maps' });
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/Unknown language. Choose Finnish, Swedish or English./);
		expect(response.headers.get('set-cookie')).toBeNull();
	});

	it('/language never follows an off-site `next` (it goes home instead)', async () => {
		const response = await postForm(server, '/language', { locale: 'sv', next: '//evil.example/' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/maps');
	});
});
