// Copy, paste and duplicate: selected actors and the links among them as plain JSON, pasted back as new elements with new ids in one transaction.
import type { ActorInput, LinkInput, MapModel, Position } from '$lib/map';

/** Marks our JSON on the system clipboard, so pasting someone's unrelated text does nothing. */
export const CLIPBOARD_FORMAT = 'kartta/actors@1';
/** A paste lands this far (model units) down and right of the copied actors, more for each repeat. */
export const PASTE_OFFSET = 40;
/** Pasting more than this many actors at once is refused: the clipboard may hold anything. */
export const MAX_PASTE_ACTORS = 2_000;

type ActorFields = Omit<ActorInput, 'region' | 'sectors'> & { region?: string; sectors?: string[]; pos: Position };
type LinkFields = Omit<LinkInput, 'source' | 'target'>;

export interface ClipboardPayload {
	format: typeof CLIPBOARD_FORMAT;
	/** Actors keyed by their id in the map they came from (used only to rejoin the links). */
	actors: { key: string; fields: ActorFields }[];
	links: { source: string; target: string; fields: LinkFields }[];
}

/** Removes the keys whose value is undefined (the JSON would drop them anyway). */
function defined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The selected actors and every link whose two ends are both selected (selected links between them come along anyway). */
export function copyActors(model: MapModel, ids: readonly string[]): ClipboardPayload | null {
	const chosen = new Set(ids);
	const actors = ids.flatMap((id) => {
		const actor = model.actor(id);
		if (!actor) return [];
		const { name, kind, region, pos, description, roles, sectors, businessId, sizeClass, website, tags, custom } = actor;
		return [{ key: id, fields: defined({ name, kind, region, pos, description, roles, sectors, businessId, sizeClass, website, tags, custom }) as ActorFields }];
	});
	if (actors.length === 0) return null;
	const links = model
		.links()
		.filter((link) => !link.dangling && chosen.has(link.source) && chosen.has(link.target))
		.map(({ source, target, kind, description, strength, direction, status, years, evidence, custom }) => ({
			source,
			target,
			fields: defined({ kind, description, strength, direction, status, years, evidence, custom }) as LinkFields
		}));
	return { format: CLIPBOARD_FORMAT, actors, links };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads our JSON from clipboard text; anything else (or too much) gives null. Fields are checked again on paste. */
export function parseClipboard(text: string): ClipboardPayload | null {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}
	if (!isObject(json) || json.format !== CLIPBOARD_FORMAT || !Array.isArray(json.actors) || !Array.isArray(json.links)) return null;
	if (json.actors.length === 0 || json.actors.length > MAX_PASTE_ACTORS) return null;
	const actors = json.actors.filter(
		(entry): entry is ClipboardPayload['actors'][number] =>
			isObject(entry) && typeof entry.key === 'string' && isObject(entry.fields) && isObject(entry.fields.pos)
	);
	const links = json.links.filter(
		(entry): entry is ClipboardPayload['links'][number] =>
			isObject(entry) && typeof entry.source === 'string' && typeof entry.target === 'string' && isObject(entry.fields)
	);
	return actors.length === 0 ? null : { format: CLIPBOARD_FORMAT, actors, links };
}

/**
 * Adds copies of the payload's actors at `offset`, and its links between the copies, in one
 * transaction (one undo step). References this map lacks (a region, sector or custom field from
 * another map) are dropped; an element the model still refuses is skipped. Returns the new actor ids.
 */
export function pasteActors(model: MapModel, payload: ClipboardPayload, offset: Position): string[] {
	const regions = new Set(model.regions().map((region) => region.id));
	const sectors = new Set(model.sectors().map((sector) => sector.id));
	const newIds = new Map<string, string>();
	model.transact(() => {
		for (const { key, fields } of payload.actors) {
			const { custom, ...rest } = fields;
			const input: ActorInput = {
				...rest,
				region: typeof rest.region === 'string' && regions.has(rest.region) ? rest.region : undefined,
				sectors: Array.isArray(rest.sectors) ? rest.sectors.filter((id) => sectors.has(id)) : undefined,
				pos: { x: Number(rest.pos.x) + offset.x, y: Number(rest.pos.y) + offset.y }
			};
			const id = tryAdd(() => model.addActor({ ...input, custom }), () => model.addActor(input));
			if (id !== null) newIds.set(key, id);
		}
		for (const { source, target, fields } of payload.links) {
			const from = newIds.get(source);
			const to = newIds.get(target);
			if (from === undefined || to === undefined) continue;
			const { custom, ...rest } = fields;
			const input: LinkInput = { ...rest, source: from, target: to };
			tryAdd(() => model.addLink({ ...input, custom }), () => model.addLink(input));
		}
	});
	return [...newIds.values()];
}

/** Custom values may not fit this map's fields: try with them, then without, then give up on the element. */
function tryAdd(first: () => string, fallback: () => string): string | null {
	for (const attempt of [first, fallback]) {
		try {
			return attempt();
		} catch {
			// the model validated and wrote nothing; try the next way
		}
	}
	return null;
}
