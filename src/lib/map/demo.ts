// A fictional demo map: nine small-town innovation ecosystems with sectors, profiles and links, laid out as clusters on a ring.
import { DEFAULT_ROLES, DEFAULT_STRENGTH, LINKS, PROFILES, SECTORS, TOWNS } from './demo-data';
import { businessIdCheckDigit } from './formats';
import type { MapModel } from './model';
import type { LinkKind, Position } from './schema';
import type { LinkDirection } from './vocabulary';

export const DEMO_TITLE = 'Demo — seutukaupunkien innovaatioverkosto';

// Layout: town centres on a ring, each town's actors on a small circle around its centre.
const TOWN_RING_RADIUS = 900;
const CLUSTER_RADIUS = 170;
const FIRST_ANGLE = -Math.PI / 2; // first town at the top, then clockwise

/**
 * Business IDs for the demo's companies: bodies from 9xxxxxx, above the numbers the Finnish
 * registry has issued so far, so they should name no real company; check digits are real.
 */
const FIRST_BUSINESS_ID_BODY = 9_104_207;
const BUSINESS_ID_STEP = 7_919;

const FOUNDED_FIELD = 'Perustamisvuosi';

/** Who is the subject of a link of each kind: trade and teaching go one way, joint work both. */
const DIRECTION_BY_KIND: Readonly<Record<LinkKind, LinkDirection>> = {
	rdi_project: 'mutual',
	education: 'directed',
	customer_supplier: 'directed',
	funding: 'directed',
	pilot_environment: 'directed',
	mobility: 'undirected',
	membership: 'directed',
	informal: 'undirected'
};

function pointOnCircle(centre: Position, radius: number, index: number, count: number): Position {
	const angle = FIRST_ANGLE + (2 * Math.PI * index) / count;
	// Whole units: tidy numbers, and integers encode smaller than floats in Yjs updates.
	return { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) };
}

/** Deterministic, checksum-valid Business IDs; bodies whose check digit would be 10 are skipped, as the registry does. */
export function demoBusinessIds(count: number): string[] {
	const ids: string[] = [];
	for (let body = FIRST_BUSINESS_ID_BODY; ids.length < count; body += BUSINESS_ID_STEP) {
		const check = businessIdCheckDigit(String(body));
		if (check !== null) ids.push(`${body}-${check}`);
	}
	return ids;
}

export interface DemoSummary {
	regions: number;
	actors: number;
	links: number;
	sectors: number;
	fields: number;
}

function lookup(ids: ReadonlyMap<string, string>, key: string, what: string): string {
	const id = ids.get(key);
	if (id === undefined) throw new Error(`Demo data error: unknown ${what} "${key}".`);
	return id;
}

/** Adds the demo content to an (empty) map in one transaction; meant for the server when a demo map is created. */
export function populateDemoMap(model: MapModel): DemoSummary {
	const origin: Position = { x: 0, y: 0 };
	return model.transact(() => {
		model.setTitle(DEMO_TITLE);
		const sectorIds = new Map(SECTORS.map(([key, name, growth]) => [key, model.addSector({ name, growth })]));
		const founded = model.addField({ name: FOUNDED_FIELD, type: 'number', appliesTo: 'actor' });
		const companies = TOWNS.flatMap((town) => town.actors.filter(([, , kind]) => kind === 'company'));
		const businessIds = demoBusinessIds(companies.length);
		const actorIds = new Map<string, string>();
		TOWNS.forEach((town, townIndex) => {
			const region = model.addRegion({ name: town.region });
			const centre = pointOnCircle(origin, TOWN_RING_RADIUS, townIndex, TOWNS.length);
			town.actors.forEach(([key, name, kind, description], actorIndex) => {
				const profile = PROFILES[key] ?? {};
				const pos = pointOnCircle(centre, CLUSTER_RADIUS, actorIndex, town.actors.length);
				const id = model.addActor({
					name,
					kind,
					region,
					pos,
					description,
					roles: profile.roles ?? DEFAULT_ROLES[kind],
					sectors: (profile.sectors ?? []).map((sector) => lookup(sectorIds, sector, 'sector')),
					businessId: kind === 'company' ? businessIds.shift() : undefined,
					sizeClass: profile.size,
					tags: profile.tags,
					custom: profile.founded === undefined ? undefined : { [founded]: profile.founded }
				});
				actorIds.set(key, id);
			});
		});
		for (const [source, target, kind, extras = {}] of LINKS) {
			model.addLink({
				source: lookup(actorIds, source, 'actor'),
				target: lookup(actorIds, target, 'actor'),
				kind,
				direction: DIRECTION_BY_KIND[kind],
				strength: extras.strength ?? DEFAULT_STRENGTH[kind],
				status: extras.status ?? 'existing',
				years: extras.years,
				evidence: extras.evidence
			});
		}
		return { regions: TOWNS.length, actors: actorIds.size, links: LINKS.length, sectors: SECTORS.length, fields: 1 };
	});
}
