// The canvas follows the view: filtered-out elements are hidden (never removed), each element carries its style's look, and document changes are picked up.
import { describe, it, expect } from 'vitest';
import cytoscape from 'cytoscape';
import * as Y from 'yjs';
import { GraphSync } from '$lib/editor/graph-sync';
import { ViewLayer, type ViewReport } from '$lib/editor/view-layer';
import { DATA, HIDDEN_CLASS } from '$lib/editor/style';
import { defaultStyle, emptyFilter } from '$lib/editor/view/view-state';
import { GAP_COLOUR } from '$lib/editor/view/palette';
import { smallMap, NAMES } from './view/fixtures';
import type { MapModel } from '$lib/map';

function bind() {
	const { model, ids } = smallMap();
	const cy = cytoscape({ headless: true, styleEnabled: false });
	const sync = new GraphSync(cy, model, { linkLabel: (kind) => kind, holdsPosition: () => false });
	sync.build();
	const reports: ViewReport[] = [];
	const layer = new ViewLayer(cy, model, (report) => reports.push(report));
	model.observe((change) => {
		sync.apply(change);
		layer.schedule(change);
		layer.refresh();
	});
	return { model, ids, cy, layer, reports };
}

/**
 * After the layer has been set once (one report): moving the actor adds no report (nothing to restyle),
 * renaming it adds one and writes its new label into the graph.
 */
async function expectMoveThenRenameFollowed(model: MapModel, cy: cytoscape.Core, id: string, reports: () => number) {
	const settle = () => new Promise((resolve) => setTimeout(resolve, 40));
	model.moveActors(new Map([[id, { x: 500, y: 500 }]]));
	await settle();
	expect(reports()).toBe(1);
	model.updateActor(id, { name: 'Alfa Group Oy' });
	await settle();
	expect(reports()).toBe(2);
	expect(cy.getElementById(id).data(DATA.viewLabel)).toBe('Alfa Group Oy');
}

const hidden = (cy: cytoscape.Core) => cy.elements(`.${HIDDEN_CLASS}`).map((element) => element.id()).sort();

describe('ViewLayer', () => {
	it('hides what the filter leaves out and shows it again, keeping every element in the graph', () => {
		const { ids, cy, layer, reports } = bind();
		layer.set({ filter: { ...emptyFilter(), kinds: ['company'] }, style: defaultStyle(), names: NAMES, revealed: new Set() });
		expect(hidden(cy)).toEqual([ids.c, ids.d, ids.e, ids.cb, ids.dc, ids.ad].sort());
		expect(cy.nodes()).toHaveLength(5);
		expect(reports.at(-1)).toMatchObject({ visibleActors: 2, totalActors: 5, visibleLinks: 1, totalLinks: 4 });
		layer.set({ filter: emptyFilter(), style: defaultStyle(), names: NAMES, revealed: new Set() });
		expect(hidden(cy)).toEqual([]);
	});

	it('shows revealed actors whatever the filter says', () => {
		const { ids, cy, layer } = bind();
		layer.set({ filter: { ...emptyFilter(), kinds: ['company'] }, style: defaultStyle(), names: NAMES, revealed: new Set([ids.e]) });
		expect(cy.getElementById(ids.e).hasClass(HIDDEN_CLASS)).toBe(false);
	});

	it('writes each element’s look into its data and follows document changes', () => {
		const { model, ids, cy, layer, reports } = bind();
		layer.set({ filter: emptyFilter(), style: { ...defaultStyle(), colourBy: 'region', sizeBy: 'degree' }, names: NAMES, revealed: new Set() });
		expect(cy.getElementById(ids.a).data(DATA.viewLabel)).toBe('Alfa Oy · Iisalmi');
		expect(cy.getElementById(ids.dc).data(DATA.colour)).toBe(GAP_COLOUR);
		expect(cy.getElementById(ids.dc).data(DATA.line)).toBe('dashed');
		model.updateActor(ids.a, { region: ids.kuopio });
		expect(cy.getElementById(ids.a).data(DATA.viewLabel)).toBe('Alfa Oy · Kuopio');
		expect(reports.at(-1)!.legend.colour!.categories.find((c) => c.label === 'Kuopio')!.count).toBe(3);
	});

	it('skips the refresh when a change only moved actors', async () => {
		const { model, ids } = smallMap();
		const cy = cytoscape({ headless: true, styleEnabled: false });
		const sync = new GraphSync(cy, model, { linkLabel: (kind) => kind, holdsPosition: () => false });
		sync.build();
		let reports = 0;
		const layer = new ViewLayer(cy, model, () => reports++);
		model.observe((change) => {
			sync.apply(change);
			layer.schedule(change);
		});
		layer.set({ filter: emptyFilter(), style: defaultStyle(), names: NAMES, revealed: new Set() });
		await expectMoveThenRenameFollowed(model, cy, ids.a, () => reports);
	});

	it('primed with the graph’s first read, follows later changes as if it had read the model itself', async () => {
		const { model, ids } = smallMap();
		const cy = cytoscape({ headless: true, styleEnabled: false });
		const sync = new GraphSync(cy, model, { linkLabel: (kind) => kind, holdsPosition: () => false });
		let reports = 0;
		const layer = new ViewLayer(cy, model, () => reports++);
		const built = sync.build();
		layer.prime(built.actors, built.links);
		model.observe((change) => {
			sync.apply(change);
			layer.schedule(change);
		});
		layer.set({ filter: emptyFilter(), style: defaultStyle(), names: NAMES, revealed: new Set() });
		expect(cy.getElementById(ids.a).data(DATA.viewLabel)).toBe('Alfa Oy');
		await expectMoveThenRenameFollowed(model, cy, ids.a, () => reports);
	});

	it('styles and hides an element drawn anew, such as an actor whose deletion was undone', () => {
		const { model, ids, cy, layer } = bind();
		layer.set({ filter: { ...emptyFilter(), kinds: ['education'] }, style: { ...defaultStyle(), colourBy: 'region' }, names: NAMES, revealed: new Set() });
		const undo = new Y.UndoManager(model.parts.actors, { trackedOrigins: new Set([model.origin]) });
		model.deleteActor(ids.a);
		expect(cy.getElementById(ids.a).empty()).toBe(true);
		undo.undo();
		const node = cy.getElementById(ids.a);
		expect(node.nonempty()).toBe(true);
		expect(node.hasClass(HIDDEN_CLASS)).toBe(true);
		expect(node.data(DATA.viewLabel)).toBe('Alfa Oy · Iisalmi');
	});

	it('unselects elements the filter hides, so Delete cannot remove what the user cannot see', () => {
		const { ids, cy, layer } = bind();
		cy.getElementById(ids.e).select();
		layer.set({ filter: { ...emptyFilter(), hideUnconnected: true }, style: defaultStyle(), names: NAMES, revealed: new Set() });
		expect(cy.getElementById(ids.e).selected()).toBe(false);
	});
});
