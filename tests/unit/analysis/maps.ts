// Test maps for the analysis: built through the real MapModel, with readable names instead of random ids.
import * as Y from 'yjs';
import { MapModel, type ActorInput, type LinkInput, type MapSnapshot } from '$lib/map';
import { KARATE_EDGES, KARATE_MEMBERS } from './karate';

/** A fixed clock: actors' and links' createdAt are this unless a test moves it. */
export const T0 = Date.UTC(2026, 0, 15);

export interface TestMap {
	model: MapModel;
	/** Name -> id, for actors, regions, sectors and links added by name. */
	ids: Map<string, string>;
	id(name: string): string;
	/** Sets the clock for elements written from now on. */
	setNow(ms: number): void;
	snapshot(): MapSnapshot;
}

export function testMap(): TestMap {
	let now = T0;
	const model = new MapModel(new Y.Doc(), undefined, { now: () => now });
	const ids = new Map<string, string>();
	return {
		model,
		ids,
		id(name) {
			const id = ids.get(name);
			if (id === undefined) throw new Error(`No element named ${name} in the test map.`);
			return id;
		},
		setNow(ms) {
			now = ms;
		},
		snapshot: () => model.snapshot()
	};
}

export function addRegion(map: TestMap, name: string): string {
	const id = map.model.addRegion({ name });
	map.ids.set(name, id);
	return id;
}

export function addSector(map: TestMap, name: string, growth: boolean): string {
	const id = map.model.addSector({ name, growth });
	map.ids.set(name, id);
	return id;
}

/** `region` and `sectors` are given by name. */
export function addActor(
	map: TestMap,
	name: string,
	kind: ActorInput['kind'],
	extra: { region?: string; sectors?: string[]; roles?: ActorInput['roles'] } = {}
): string {
	const id = map.model.addActor({
		name,
		kind,
		region: extra.region === undefined ? undefined : map.id(extra.region),
		sectors: extra.sectors?.map((sector) => map.id(sector)),
		roles: extra.roles
	});
	map.ids.set(name, id);
	return id;
}

/** Endpoints by actor name; the link is named `${source}->${target}` unless `name` is given. */
export function addLink(
	map: TestMap,
	source: string,
	target: string,
	extra: Partial<Omit<LinkInput, 'source' | 'target'>> & { name?: string } = {}
): string {
	const { name, ...rest } = extra;
	const id = map.model.addLink({ kind: 'informal', ...rest, source: map.id(source), target: map.id(target) });
	map.ids.set(name ?? `${source}->${target}`, id);
	return id;
}

/** Zachary's karate club as a map: members named "1".."34", friendships as undirected existing links. */
export function karateMap(): TestMap {
	const map = testMap();
	for (let member = 1; member <= KARATE_MEMBERS; member++) addActor(map, String(member), 'company');
	for (const [a, b] of KARATE_EDGES) addLink(map, String(a), String(b), { direction: 'undirected' });
	return map;
}

/** A snapshot straight from ids and undirected pairs, as readers would give it (for many quick property runs). */
export function plainSnapshot(actorIds: readonly string[], pairs: readonly (readonly [string, string])[]): MapSnapshot {
	return {
		schemaVersion: 2,
		title: null,
		actors: actorIds.map((id) => ({ id, name: id, kind: 'company', pos: { x: 0, y: 0 }, createdAt: 0, issues: [] })),
		links: pairs.map(([source, target], index) => ({
			id: `link${index}`,
			source,
			target,
			kind: 'informal',
			direction: 'undirected',
			dangling: false,
			issues: []
		})),
		regions: [],
		sectors: [],
		fields: [],
		views: []
	};
}
