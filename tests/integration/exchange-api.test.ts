// Import and export over the API against the real built server: every export format parses, an
// import writes what its answer says (once, as one change that reaches open clients), and refused
// callers, unreadable files and strict imports write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import { MapModel } from '../../src/lib/map';
import { MAX_IMPORT_BYTES } from '../../src/lib/exchange/limits';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';
import { storageFingerprint } from './hardening-helpers';
import { csvText, kumuRows, kumuWorkbook, largeElementsCsv, VALID_BUSINESS_ID } from '../support/exchange-fixtures';

/** The "10,000+ rows". */
const LARGE_ROWS = 10_000;

interface Summary {
	actors: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
	links: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
	newRegions: string[];
}
interface Row {
	sheet: string;
	row: number;
	action: string;
	id?: string;
	errors: { code: string; column: string | null }[];
}
interface ImportAnswer {
	summary: Summary;
	rows: Row[];
}
interface ErrorAnswer {
	error: { code: string; message: string; errors: { sheet: string; row: number; column: string | null; code: string; message: string }[] };
}
interface Document {
	actors: { id: string; name: string; kind: string; region?: string; businessId?: string }[];
	links: { id: string; source: string; target: string; kind: string }[];
	regions: { id: string; name: string }[];
}

function upload(bytes: Uint8Array | string, fileName: string, fields: Record<string, string> = {}): FormData {
	const form = new FormData();
	form.set('file', new Blob([bytes as BlobPart]), fileName);
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return form;
}

/**
 * Posts headers that declare a form body of `declared` bytes, sends only its first bytes, and reads
 * the answer: the server must refuse before reading. On its own socket, which the server then closes.
 */
function declaredBodyStatus(baseUrl: string, path: string, declared: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			baseUrl + path,
			{ method: 'POST', agent: false, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(declared) } },
			(response) => {
				let body = '';
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () => {
					resolve({ status: response.statusCode ?? 0, body });
					request.destroy();
				});
			}
		);
		request.on('error', reject);
		request.write('label=x');
	});
}

describe('import and export API', () => {
	let server: TestServer;
	let olga: LoggedIn;
	let eddie: LoggedIn;
	let vera: LoggedIn;
	let cole: LoggedIn;
	let nora: LoggedIn;
	/** The demo map: actors and links in several towns. */
	let demoId: string;

	const document = async (mapId: string): Promise<Document> => (await (await olga.fetch(`/api/v1/maps/${mapId}/document`)).json()) as Document;
	/** As the browser posts it: with the session cookie and the site's own Origin (SvelteKit's CSRF check wants one on form posts). */
	const importInto = (user: LoggedIn, mapId: string, form: FormData) =>
		user.fetch(`/api/v1/maps/${mapId}/import`, { method: 'POST', body: form, headers: { origin: server.url } });

	async function sharedMap(title: string): Promise<string> {
		const mapId = await createMap(olga, title);
		await shareMap(olga, mapId, 'eddie', 'editor');
		await shareMap(olga, mapId, 'vera', 'viewer');
		await shareMap(olga, mapId, 'cole', 'commenter');
		return mapId;
	}

	beforeAll(async () => {
		server = await startServer();
		olga = await createUser(server, 'olga', { admin: true });
		eddie = await createUser(server, 'eddie');
		vera = await createUser(server, 'vera');
		cole = await createUser(server, 'cole');
		nora = await createUser(server, 'nora');
		demoId = await createMap(olga, '', true);
		await shareMap(olga, demoId, 'vera', 'viewer');
	}, 60_000);
	afterAll(async () => server?.cleanup());

	describe('export', () => {
		it('gives a viewer the map as an XLSX workbook with Elements and Connections sheets, one row per actor and link', async () => {
			const { actors, links } = await document(demoId);
			const response = await vera.fetch(`/api/v1/maps/${demoId}/export?format=xlsx`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.xlsx"; filename\*=UTF-8''/);
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(await response.arrayBuffer());
			const elements = workbook.getWorksheet('Elements');
			const connections = workbook.getWorksheet('Connections');
			expect(elements?.actualRowCount).toBe(actors.length + 1);
			expect(connections?.actualRowCount).toBe(links.length + 1);
			const labels: string[] = [];
			elements!.getColumn(1).eachCell((cell) => void labels.push(String(cell.value)));
			const header = (elements!.getRow(1).values as unknown[]).map(String);
			const labelColumn = header.indexOf('Label');
			expect(labelColumn).toBeGreaterThan(0);
			const names = new Set<string>();
			elements!.eachRow((row, index) => {
				if (index > 1) names.add(String(row.getCell(labelColumn).value));
			});
			expect(names).toEqual(new Set(actors.map((a) => a.name)));
		});

		it('gives the actors and the links as two CSV files', async () => {
			const { actors, links } = await document(demoId);
			for (const [part, count] of [['elements', actors.length], ['connections', links.length]] as const) {
				const response = await vera.fetch(`/api/v1/maps/${demoId}/export?format=csv&part=${part}`);
				expect(response.status, part).toBe(200);
				expect(response.headers.get('content-type'), part).toMatch(/^text\/csv/);
				expect(response.headers.get('content-disposition'), part).toMatch(/^attachment; filename=".+\.csv"/);
				const parsed = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
				expect(parsed.errors, part).toEqual([]);
				expect(parsed.data.length, part).toBe(count);
			}
		});

		it('gives the full map as schema-versioned JSON', async () => {
			const { actors, links, regions } = await document(demoId);
			const response = await vera.fetch(`/api/v1/maps/${demoId}/export?format=json`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			expect(response.headers.get('content-disposition')).toMatch(/\.json"/);
			const body = (await response.json()) as Record<string, unknown> & { actors: unknown[]; links: unknown[]; regions: unknown[] };
			expect(JSON.stringify(body)).toMatch(/"schemaVersion":\s*\d+|"schema":/);
			expect(body.actors).toHaveLength(actors.length);
			expect(body.links).toHaveLength(links.length);
			expect(body.regions).toHaveLength(regions.length);
		});

		it('gives GraphML and GEXF 1.3 files with a node per actor and an edge per link', async () => {
			const { actors, links } = await document(demoId);
			const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'node' || name === 'edge' });
			const graphml = await vera.fetch(`/api/v1/maps/${demoId}/export?format=graphml`);
			expect(graphml.status).toBe(200);
			expect(graphml.headers.get('content-type')).toMatch(/xml/);
			expect(graphml.headers.get('content-disposition')).toMatch(/\.graphml"/);
			const g = parser.parse(await graphml.text()) as { graphml: { graph: { node: unknown[]; edge: unknown[] } } };
			expect(g.graphml.graph.node).toHaveLength(actors.length);
			expect(g.graphml.graph.edge).toHaveLength(links.length);

			const gexf = await vera.fetch(`/api/v1/maps/${demoId}/export?format=gexf`);
			expect(gexf.status).toBe(200);
			expect(gexf.headers.get('content-disposition')).toMatch(/\.gexf"/);
			const text = await gexf.text();
			const x = parser.parse(text) as { gexf: { '@_version': string; graph: { nodes: { node: unknown[] }; edges: { edge: unknown[] } } } };
			expect(x.gexf['@_version']).toBe('1.3');
			expect(x.gexf.graph.nodes.node).toHaveLength(actors.length);
			expect(x.gexf.graph.edges.edge).toHaveLength(links.length);
			// Actors carry their kind's colour from the editor's palette (company: #1565c0 = 21, 101, 192).
			expect(text).toMatch(/viz:color[^>]*r="21"[^>]*g="101"[^>]*b="192"/);
		});

		it('names the download after the map title, safely', async () => {
			const mapId = await createMap(olga, 'Iisalmen seutu / "ÄÖ" 2026');
			const response = await olga.fetch(`/api/v1/maps/${mapId}/export?format=json`);
			const disposition = response.headers.get('content-disposition') ?? '';
			expect(disposition).toContain('filename="iisalmen-seutu-ao-2026.json"');
			expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('iisalmen-seutu-äö-2026.json')}`);
			await response.arrayBuffer();
		});

		it('takes an API token, refuses an unknown format or part with 400, and hides the map from non-members', async () => {
			const token = (await (await vera.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'export script' } })).json()) as { token: string };
			const byToken = await fetch(`${server.url}/api/v1/maps/${demoId}/export?format=graphml`, { headers: { authorization: `Bearer ${token.token}` } });
			expect(byToken.status).toBe(200);
			await byToken.arrayBuffer();
			for (const query of ['format=pdf', '', 'format=csv&part=regions']) {
				const bad = await vera.fetch(`/api/v1/maps/${demoId}/export?${query}`);
				expect(bad.status, query).toBe(400);
				expect(((await bad.json()) as ErrorAnswer).error.code, query).toMatch(/^invalid_(format|part)$/);
			}
			const hidden = await nora.fetch(`/api/v1/maps/${demoId}/export?format=json`);
			expect(hidden.status).toBe(404);
			expect((await fetch(`${server.url}/api/v1/maps/${demoId}/export?format=json`)).status).toBe(401);
		});
	});

	describe('import', () => {
		it('an editor imports a Kumu workbook: the answer names what was created and refused, row by row, and the document has it', async () => {
			const mapId = await sharedMap('Kumu import');
			const response = await importInto(eddie, mapId, upload(await kumuWorkbook(), 'kumu.xlsx'));
			expect(response.status).toBe(200);
			const answer = (await response.json()) as ImportAnswer;
			expect(answer.summary.actors).toEqual({ create: 2, update: 0, unchanged: 0, refused: 1 });
			expect(answer.summary.links).toEqual({ create: 1, update: 0, unchanged: 0, refused: 1 });
			expect([...answer.summary.newRegions].sort()).toEqual(['Iisalmi']);
			const refused = answer.rows.filter((row) => row.action === 'refused');
			expect(refused.map((row) => [row.sheet, row.row])).toEqual([
				['Elements', 4],
				['Connections', 3]
			]);
			expect(refused[0]!.errors[0]).toMatchObject({ column: 'Type' });

			const { actors, links, regions } = await document(mapId);
			expect(actors.map((a) => a.name).sort()).toEqual(['Tuonti Ammattiopisto', 'Tuonti Konepaja Oy']);
			const konepaja = actors.find((a) => a.name === 'Tuonti Konepaja Oy')!;
			expect(konepaja).toMatchObject({ kind: 'company', businessId: VALID_BUSINESS_ID });
			expect(regions.find((r) => r.id === konepaja.region)?.name).toBe('Iisalmi');
			expect(links).toHaveLength(1);
			expect(links[0]).toMatchObject({ kind: 'education', target: konepaja.id });
			const created = answer.rows.filter((row) => row.action === 'create').map((row) => row.id);
			expect(new Set(created)).toEqual(new Set([...actors.map((a) => a.id), links[0]!.id]));

			// The map as it was is kept as a version, so the import can be reverted from the history.
			const { versions } = (await (await olga.fetch(`/api/v1/maps/${mapId}/versions`)).json()) as { versions: { id: string; name: string; kind: string }[] };
			expect(versions.map((v) => [v.kind, v.name])).toEqual([['auto', 'before-import:kumu.xlsx']]);
			const before = (await (await olga.fetch(`/api/v1/maps/${mapId}/versions/${versions[0]!.id}`)).json()) as Document;
			expect(before.actors).toEqual([]);

			// The change is the editor's in the activity log, like an edit in the editor.
			const { activity } = (await (await olga.fetch(`/api/v1/maps/${mapId}/activity?element=${konepaja.id}`)).json()) as { activity: { user: { username: string } | null; action: string }[] };
			expect(activity.map((entry) => entry.user?.username)).toContain('eddie');
		});

		it('importing the same file again changes nothing: every row is unchanged or refused again', async () => {
			const mapId = await sharedMap('Re-import');
			const bytes = await kumuWorkbook();
			expect((await importInto(olga, mapId, upload(bytes, 'kumu.xlsx'))).status).toBe(200);
			const before = storageFingerprint(server);
			const again = (await (await importInto(olga, mapId, upload(bytes, 'kumu.xlsx'))).json()) as ImportAnswer;
			expect(again.summary.actors).toEqual({ create: 0, update: 0, unchanged: 2, refused: 1 });
			expect(again.summary.links).toEqual({ create: 0, update: 0, unchanged: 1, refused: 1 });
			expect(storageFingerprint(server)).toBe(before);
		});

		it('takes a value mapping: the unknown type mapped to a Kartta kind imports every row', async () => {
			const mapId = await sharedMap('Mapped import');
			const mapping = JSON.stringify({ values: { actorKind: { Tuntematon: 'development' } } });
			const answer = (await (await importInto(eddie, mapId, upload(await kumuWorkbook(), 'kumu.xlsx', { mapping }))).json()) as ImportAnswer;
			expect(answer.summary.actors).toMatchObject({ create: 3, refused: 0 });
			expect(answer.summary.links).toMatchObject({ create: 2, refused: 0 });
			expect((await document(mapId)).actors.find((a) => a.name === 'Tuonti Kehitysyhtiö')?.kind).toBe('development');
		});

		it('reads CSV by its name or by the format field, and takes a column mapping', async () => {
			const mapId = await sharedMap('CSV import');
			const rows = [
				{ Nimi: 'CSV Oy', Laji: 'Yritys', Kunta: 'Heinola', Muistiinpano: 'ei tuoda' },
				{ Nimi: 'CSV Opisto', Laji: 'Oppilaitos', Kunta: 'Heinola', Muistiinpano: 'ei tuoda' }
			];
			const mapping = JSON.stringify({ elements: { Muistiinpano: 'ignore' } });
			const answer = (await (await importInto(eddie, mapId, upload(csvText(rows), 'upload.bin', { format: 'csv', mapping }))).json()) as ImportAnswer & { summary: { newFields: string[] } };
			expect(answer.summary.actors).toMatchObject({ create: 2, refused: 0 });
			expect(answer.summary.newFields).toEqual([]);
			const { actors } = await document(mapId);
			expect(actors.map((a) => a.name).sort()).toEqual(['CSV Opisto', 'CSV Oy']);
		});

		it('strict mode writes nothing when any row is refused, and says which rows', async () => {
			const mapId = await sharedMap('Strict import');
			const before = storageFingerprint(server);
			const response = await importInto(eddie, mapId, upload(await kumuWorkbook(), 'kumu.xlsx', { strict: 'true' }));
			expect(response.status).toBe(422);
			const { error } = (await response.json()) as ErrorAnswer;
			expect(error.code).toBe('rows_refused');
			expect(error.errors.map((e) => [e.sheet, e.row])).toEqual(expect.arrayContaining([['Elements', 4]]));
			expect(storageFingerprint(server)).toBe(before);
			expect((await document(mapId)).actors).toEqual([]);
		});

		it('refuses viewers and commenters (403) and non-members (404), writing nothing', async () => {
			const mapId = await sharedMap('Refused import');
			const bytes = await kumuWorkbook();
			const before = storageFingerprint(server);
			for (const [user, status] of [[vera, 403], [cole, 403], [nora, 404]] as const) {
				const response = await importInto(user, mapId, upload(bytes, 'kumu.xlsx'));
				expect(response.status, user.username).toBe(status);
				expect(response.headers.get('content-type'), user.username).toMatch(/^application\/json/);
				await response.arrayBuffer();
			}
			const anonymous = await fetch(`${server.url}/api/v1/maps/${mapId}/import`, { method: 'POST', body: upload(bytes, 'kumu.xlsx'), headers: { origin: server.url } });
			expect(anonymous.status).toBe(401);
			expect(storageFingerprint(server)).toBe(before);
		});

		it('answers an unreadable file with its problems as JSON and leaves the map as it was', async () => {
			const mapId = await sharedMap('Broken import');
			await importInto(eddie, mapId, upload(await kumuWorkbook(), 'kumu.xlsx'));
			const before = storageFingerprint(server);
			const cases: [Uint8Array | string, string][] = [
				['this is not a zip file', 'broken.xlsx'],
				['<graphml><graph><node id="a"', 'broken.graphml'],
				['', 'empty.csv'],
				['Label,Type\nA,Yritys\n', 'notes.pdf'],
				// No column says which actor a link leaves from.
				[csvText([{ Mihin: 'A', Tyyppi: 'Koulutus' }]).replace('Mihin', 'Kohde').replace('Tyyppi', 'Laji'), 'links.csv']
			];
			for (const [bytes, name] of cases) {
				const response = await importInto(eddie, mapId, upload(bytes, name));
				expect(response.status, name).toBeGreaterThanOrEqual(400);
				expect(response.status, name).toBeLessThan(500);
				const { error } = (await response.json()) as ErrorAnswer;
				expect(error.code, name).toMatch(/^[a-z_]+$/);
				expect(error.message, name).not.toBe('');
				expect(Array.isArray(error.errors), name).toBe(true);
			}
			expect(storageFingerprint(server)).toBe(before);
		});

		it('refuses a body that is not multipart, a missing file and a bad mapping with 4xx JSON', async () => {
			const mapId = await sharedMap('Bad requests');
			const before = storageFingerprint(server);
			const asJson = await eddie.fetch(`/api/v1/maps/${mapId}/import`, { method: 'POST', json: { file: 'x' }, headers: { origin: server.url } });
			expect(asJson.status).toBe(415);
			const noFile = new FormData();
			noFile.set('format', 'csv');
			const missing = await importInto(eddie, mapId, noFile);
			expect(missing.status).toBe(400);
			expect(((await missing.json()) as ErrorAnswer).error.code).toBe('missing_file');
			for (const mapping of ['{not json', JSON.stringify({ elements: { Label: 'password' } }), JSON.stringify({ values: { actorKind: { Yritys: 'bank' } } })]) {
				const bad = await importInto(eddie, mapId, upload('Label,Type\nA,Yritys\n', 'a.csv', { mapping }));
				expect(bad.status, mapping).toBe(400);
				expect(((await bad.json()) as ErrorAnswer).error.code, mapping).toBe('invalid_mapping');
			}
			const badFormat = await importInto(eddie, mapId, upload('Label,Type\nA,Yritys\n', 'a.csv', { format: 'docx' }));
			expect(badFormat.status).toBe(400);
			await badFormat.arrayBuffer();
			expect(storageFingerprint(server)).toBe(before);
		});

		it('reads a file of MAX_IMPORT_BYTES (40 times the adapter default body limit) and refuses a larger one with 413', async () => {
			const mapId = await sharedMap('Large import');
			const before = storageFingerprint(server);
			// Not a workbook at all: the answer shows the upload got through to the reader, which refused it.
			const fits = await importInto(eddie, mapId, upload(new Uint8Array(MAX_IMPORT_BYTES).fill(120), 'big.xlsx'));
			expect(fits.status).toBe(422);
			expect(((await fits.json()) as ErrorAnswer).error.code).not.toBe('body_too_large');
			const tooBig = await importInto(eddie, mapId, upload(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(120), 'bigger.xlsx'));
			expect(tooBig.status).toBe(413);
			expect(((await tooBig.json()) as ErrorAnswer).error.code).toBe('file_too_large');
			expect(storageFingerprint(server)).toBe(before);
		});

		it('takes an upload from a script with an API token and no Origin, but refuses a cookie-carrying upload from another site', async () => {
			const mapId = await sharedMap('Token import');
			const token = (await (await eddie.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'import script' } })).json()) as { token: string };
			const bytes = await kumuWorkbook(kumuRows('Skripti'));
			const byToken = await fetch(`${server.url}/api/v1/maps/${mapId}/import`, { method: 'POST', body: upload(bytes, 'kumu.xlsx'), headers: { authorization: `Bearer ${token.token}` } });
			expect(byToken.status).toBe(200);
			expect(((await byToken.json()) as ImportAnswer).summary.actors.create).toBe(2);

			const before = storageFingerprint(server);
			for (const origin of ['https://evil.example', undefined]) {
				const headers: Record<string, string> = { cookie: eddie.cookie };
				if (origin) headers.origin = origin;
				const forged = await fetch(`${server.url}/api/v1/maps/${mapId}/import`, { method: 'POST', body: upload(await kumuWorkbook(kumuRows('Väärä')), 'kumu.xlsx'), headers });
				expect(forged.status, String(origin)).toBe(403);
				await forged.arrayBuffer();
			}
			expect(storageFingerprint(server)).toBe(before);
		});

		it('keeps the 512 KiB limit for every other route: a larger declared body is refused with 413 before it is read', async () => {
			const mapId = await sharedMap('Other routes');
			const before = storageFingerprint(server);
			for (const path of [`/maps/${mapId}/members?/share`, '/api/v1/maps']) {
				const { status, body } = await declaredBodyStatus(server.url, path, 600 * 1024, { cookie: olga.cookie, origin: server.url });
				expect(status, path).toBe(413);
				if (path.startsWith('/api/')) expect((JSON.parse(body) as ErrorAnswer).error.code).toBe('body_too_large');
			}
			expect(storageFingerprint(server)).toBe(before);
		});

		it('imports 10,000 rows over the API as one change that an open client receives', async () => {
			const mapId = await sharedMap('Large API import');
			const watcher = connectClient(server.wsUrl, mapId, { cookie: vera.cookie });
			await watcher.synced;
			const started = Date.now();
			const response = await importInto(eddie, mapId, upload(largeElementsCsv(LARGE_ROWS), 'suuri.csv'));
			const answered = Date.now();
			expect(response.status).toBe(200);
			expect(((await response.json()) as ImportAnswer).summary.actors).toEqual({ create: LARGE_ROWS, update: 0, unchanged: 0, refused: 0 });
			await waitFor(() => new MapModel(watcher.doc).actors().length === LARGE_ROWS, 'the watcher has every actor', 30_000);
			console.info(`API import of ${LARGE_ROWS} rows answered in ${answered - started} ms`);
			watcher.destroy();
		});

		it('reaches an open y-websocket client live, as one update', async () => {
			const mapId = await sharedMap('Live import');
			const watcher = connectClient(server.wsUrl, mapId, { cookie: vera.cookie });
			await watcher.synced;
			let updates = 0;
			watcher.doc.on('update', () => updates++);
			const response = await importInto(eddie, mapId, upload(await kumuWorkbook(kumuRows('Live')), 'live.xlsx'));
			expect(response.status).toBe(200);
			await response.arrayBuffer();
			await waitFor(() => new MapModel(watcher.doc).actors().length === 2, 'the watcher sees the imported actors');
			expect(new MapModel(watcher.doc).links()).toHaveLength(1);
			expect(updates).toBe(1);
			watcher.destroy();
		});
	});
});
