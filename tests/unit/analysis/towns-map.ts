// A hand-built map of three towns with known counts, used by the town comparison and gap finder tests.
import { addActor, addLink, addRegion, addSector, testMap, type TestMap } from './maps';

/**
 * Alfa: A1 company (Wind), A2 company (Retail), A3 rdi, A4 public orchestrator.
 * Beta: B1 company (Food), B2 education, B3 association. Gamma: G1 company (Wind).
 * N1 funding has no town. Wind and Food are growth sectors, Retail is not.
 * Existing links (a tree): A1–A3, A2–A4, A3–A4, A3–B2, B1–B2, B2–B3, A4–G1, G1–N1.
 * Planned: A1–B1.
 */
export function threeTowns(): TestMap {
	const map = testMap();
	for (const town of ['Gamma', 'Alfa', 'Beta']) addRegion(map, town);
	addSector(map, 'Wind', true);
	addSector(map, 'Food', true);
	addSector(map, 'Retail', false);
	addActor(map, 'A1', 'company', { region: 'Alfa', sectors: ['Wind'] });
	addActor(map, 'A2', 'company', { region: 'Alfa', sectors: ['Retail'] });
	addActor(map, 'A3', 'rdi', { region: 'Alfa' });
	addActor(map, 'A4', 'public', { region: 'Alfa', roles: ['orchestrator'] });
	addActor(map, 'B1', 'company', { region: 'Beta', sectors: ['Food'] });
	addActor(map, 'B2', 'education', { region: 'Beta' });
	addActor(map, 'B3', 'association', { region: 'Beta' });
	addActor(map, 'G1', 'company', { region: 'Gamma', sectors: ['Wind'] });
	addActor(map, 'N1', 'funding');
	for (const [a, b] of [
		['A1', 'A3'],
		['A2', 'A4'],
		['A3', 'A4'],
		['A3', 'B2'],
		['B1', 'B2'],
		['B2', 'B3'],
		['A4', 'G1'],
		['G1', 'N1']
	] as const) {
		addLink(map, a, b, { direction: 'undirected' });
	}
	addLink(map, 'A1', 'B1', { status: 'planned' });
	return map;
}
