// Times a large import once (not a test): 10,000 actors and 20,000 links exported to XLSX, then parsed, planned, applied and re-planned.
import * as Y from 'yjs';
import { MapModel } from '../src/lib/map';
import { applyImportPlan, exportMap, parseImportFile, planImport, suggestMapping } from '../src/lib/exchange';

const ACTORS = Number(process.env.ACTORS ?? 10_000);
const LINKS = Number(process.env.LINKS ?? 20_000);
const TOWNS = ['Iisalmi', 'Raahe', 'Savonlinna', 'Kristiinankaupunki', 'Heinola', 'Kauhajoki', 'Keuruu', 'Rauma'];
const KINDS = ['company', 'education', 'rdi', 'public', 'development', 'funding', 'association', 'other'] as const;
const LINK_KINDS = ['rdi_project', 'education', 'customer_supplier', 'funding', 'informal'] as const;

/** A deterministic pseudo-random sequence, so every run measures the same map. */
function sequence(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

function sourceMap(): MapModel {
	const model = new MapModel(new Y.Doc());
	const random = sequence(42);
	model.transact(() => {
		const regions = TOWNS.map((name) => model.addRegion({ name }));
		const field = model.addField({ name: 'Henkilöstö', type: 'number', appliesTo: 'actor' });
		const ids: string[] = [];
		for (let i = 0; i < ACTORS; i++) {
			ids.push(model.addActor({
				name: `Toimija ${i}`,
				kind: KINDS[i % KINDS.length]!,
				region: regions[i % regions.length],
				pos: { x: Math.round(random() * 20_000), y: Math.round(random() * 20_000) },
				tags: ['vienti', `tagi ${i % 50}`],
				custom: { [field]: Math.round(random() * 500) }
			}));
		}
		for (let i = 0; i < LINKS; i++) {
			const a = Math.floor(random() * ids.length);
			const b = (a + 1 + Math.floor(random() * (ids.length - 1))) % ids.length;
			model.addLink({ source: ids[a]!, target: ids[b]!, kind: LINK_KINDS[i % LINK_KINDS.length]!, strength: 1 + (i % 5) });
		}
	});
	return model;
}

/** Wall time and this process's CPU time: on a shared, loaded machine the CPU time is the steadier figure. */
async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
	const start = performance.now();
	const cpu = process.cpuUsage();
	const value = await fn();
	const used = process.cpuUsage(cpu);
	const wall = (performance.now() - start).toFixed(0).padStart(7);
	const cpuMs = ((used.user + used.system) / 1000).toFixed(0).padStart(7);
	console.log(`${label.padEnd(34)} ${wall} ms wall ${cpuMs} ms CPU`);
	return value;
}

const snapshot = sourceMap().snapshot();
console.log(`${ACTORS} actors, ${LINKS} links`);
const file = await timed('export XLSX', () => exportMap(snapshot, 'xlsx'));
console.log(`${'file size'.padEnd(34)} ${(file.bytes.byteLength / 1024 / 1024).toFixed(1).padStart(7)} MB`);
const source = await timed('parse XLSX', () => parseImportFile(file.bytes, file.fileName));
const target = new MapModel(new Y.Doc());
const empty = target.snapshot();
const plan = await timed('plan (into an empty map)', () => planImport(source, suggestMapping(source, empty), empty));
await timed('apply (one transaction)', () => applyImportPlan(target, plan));
const full = target.snapshot();
const again = await timed('plan again (all unchanged)', () => planImport(source, suggestMapping(source, full), full));
console.log(`re-import unchanged rows: ${again.rows.filter((r) => r.action === 'unchanged').length} of ${again.rows.length}`);
const json = await timed('export JSON', () => exportMap(snapshot, 'json'));
const jsonSource = await timed('parse JSON', () => parseImportFile(json.bytes, json.fileName));
await timed('plan JSON (into an empty map)', () => planImport(jsonSource, suggestMapping(jsonSource, empty), empty));
