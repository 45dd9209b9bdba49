// What a town's report covers: its gaps (by actor, link or region; dismissed ones never), targets about its actors, and the growth sectors with their coverage.
import { describe, it, expect } from 'vitest';
import type { DiscussionSnapshot, GapView, TargetView } from '$lib/map/discussion';
import { reportGaps, reportGrowthSectors, reportTargets, snapshotNamer } from '$lib/components/analysis/report-data';
import { replica } from '../../map/helpers';

const { model } = replica();
const iisalmi = model.addRegion({ name: 'Iisalmi' });
const raahe = model.addRegion({ name: 'Raahe' });
const bio = model.addSector({ name: 'Biotalous', growth: true });
const ict = model.addSector({ name: 'ICT', growth: false });
const a = model.addActor({ name: 'Alfa Oy', kind: 'company', region: iisalmi, sectors: [bio] });
const b = model.addActor({ name: 'Beta Oy', kind: 'company', region: raahe });
const ab = model.addLink({ source: a, target: b, kind: 'informal' });
const snapshot = model.snapshot();

const gap = (id: string, anchor: GapView['anchor'], status = 'open', createdAt = 1): GapView => ({ id, type: 'missing_link', title: id, anchor, status, createdBy: 'u', createdAt, issues: [] });
const target = (id: string, actors: string[]): TargetView => ({ id, title: id, status: 'proposed', actors, createdBy: 'u', createdAt: 1, issues: [] });
const discussion: DiscussionSnapshot = {
	schemaVersion: 1,
	gaps: [
		gap('on-actor', { kind: 'actor', id: a }, 'accepted', 2),
		gap('on-link', { kind: 'link', id: ab }),
		gap('on-raahe', { kind: 'region', id: raahe }),
		gap('dismissed', { kind: 'actor', id: a }, 'dismissed'),
		gap('on-point', { kind: 'point', x: 0, y: 0 })
	],
	targets: [target('alfa', [a]), target('beta', [b]), target('none', [])],
	growthSectors: [{ id: 'n1', sectorId: bio, description: 'Puu ja ruoka', actors: [], createdBy: 'u', createdAt: 1, issues: [] }],
	threads: []
};

describe('report scope', () => {
	it('reports every gap but the dismissed ones for the whole map, open ones first', () => {
		expect(reportGaps(discussion, snapshot, null).map((entry) => entry.id)).toEqual(['on-link', 'on-raahe', 'on-point', 'on-actor']);
	});

	it("reports a town's gaps: on its actors, its links and itself", () => {
		expect(reportGaps(discussion, snapshot, iisalmi).map((entry) => entry.id)).toEqual(['on-link', 'on-actor']);
		expect(reportGaps(discussion, snapshot, raahe).map((entry) => entry.id)).toEqual(['on-link', 'on-raahe']);
	});

	it("reports targets about a town's actors", () => {
		expect(reportTargets(discussion, snapshot, iisalmi).map((entry) => entry.id)).toEqual(['alfa']);
		expect(reportTargets(discussion, snapshot, null)).toHaveLength(3);
	});

	it('lists growth sectors only, with actors in scope, towns covering them and notes', () => {
		const towns = [{ name: 'Iisalmi', growthSectors: [{ id: bio, name: 'Biotalous' }] }, { name: 'Raahe', growthSectors: [] }] as never;
		const rows = reportGrowthSectors(discussion, snapshot, towns, raahe);
		expect(rows.map((row) => row.id)).toEqual([bio]);
		expect(rows[0]).toMatchObject({ actors: 0, towns: ['Iisalmi'] });
		expect(rows[0]!.notes.map((note) => note.description)).toEqual(['Puu ja ruoka']);
		expect(rows.some((row) => row.id === ict)).toBe(false);
	});

	it('names anchors from the snapshot', () => {
		const namer = snapshotNamer(snapshot, discussion);
		expect(namer.linkEnds(ab)).toEqual(['Alfa Oy', 'Beta Oy']);
		expect(namer.regionName(raahe)).toBe('Raahe');
	});
});
