// The graph follows the document incrementally: only changed elements are touched, undrawable links wait, and held nodes are not yanked.
import { describe, it, expect } from 'vitest';
import cytoscape from 'cytoscape';
import * as Y from 'yjs';
import { GraphSync } from '$lib/editor/graph-sync';
import type { MapChange, MapModel } from '$lib/map';
import { replica, REMOTE } from '../map/helpers';

/** A headless graph bound to a model, with a record of what Cytoscape was asked to add and remove. */
function bind(model: MapModel, holds: Set<string> = new Set()) {
	const cy = cytoscape({ headless: true, styleEnabled: false });
	const sync = new GraphSync(cy, model, { linkLabel: (kind) => `label:${kind}`, holdsPosition: (id) => holds.has(id) });
	sync.build();
	const added: string[] = [];
	const removed: string[] = [];
	cy.on('add', (event) => added.push(event.target.id()));
	cy.on('remove', (event) => removed.push(event.target.id()));
	const changes: MapChange[] = [];
	model.observe((change) => {
		changes.push(change);
		sync.apply(change);
	});
	return { cy, sync, added, removed, changes };
}

describe('GraphSync', () => {
	it('draws the whole document on build', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'company', pos: { x: 1, y: 2 } });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		const { cy } = bind(model);
		expect(cy.nodes().map((node) => node.id()).sort()).toEqual([a, b].sort());
		expect(cy.getElementById(a).position()).toEqual({ x: 1, y: 2 });
		expect(cy.getElementById(link).data()).toMatchObject({ source: a, target: b, kind: 'funding', label: 'label:funding' });
	});

	it('touches only the elements a change names (a rename keeps every element object)', () => {
		const { model } = replica();
		const ids = Array.from({ length: 20 }, (_, i) => model.addActor({ name: `A${i}`, kind: 'company' }));
		const { cy, added, removed } = bind(model);
		const before = new Map(ids.map((id) => [id, cy.getElementById(id)]));
		model.updateActor(ids[3]!, { name: 'Renamed', kind: 'rdi' });
		model.moveActor(ids[4]!, { x: 50, y: 60 });
		expect(added).toEqual([]);
		expect(removed).toEqual([]);
		for (const id of ids) expect(cy.getElementById(id).same(before.get(id)!)).toBe(true);
		expect(cy.getElementById(ids[3]!).data()).toMatchObject({ label: 'Renamed', kind: 'rdi' });
		expect(cy.getElementById(ids[4]!).position()).toEqual({ x: 50, y: 60 });
	});

	it('applies remote edits incrementally too', () => {
		const alice = replica();
		const bob = replica();
		alice.doc.on('update', (update: Uint8Array) => Y.applyUpdate(bob.doc, update, REMOTE));
		const { cy, added } = bind(bob.model);
		const a = alice.model.addActor({ name: 'A', kind: 'company' });
		const b = alice.model.addActor({ name: 'B', kind: 'company' });
		const link = alice.model.addLink({ source: a, target: b, kind: 'mobility' });
		expect(added).toEqual([a, b, link]);
		expect(cy.getElementById(link).data('kind')).toBe('mobility');
	});

	it('does not draw a dangling link, and draws it once its actor exists', () => {
		const alice = replica();
		const bob = replica();
		const a = alice.model.addActor({ name: 'A', kind: 'company' });
		const b = alice.model.addActor({ name: 'B', kind: 'company' });
		Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc), REMOTE);
		const { cy, changes } = bind(bob.model);
		const bobsUndo = new Y.UndoManager([bob.model.parts.actors], { trackedOrigins: new Set([bob.model.origin]) });
		// A concurrent delete leaves a link pointing at nothing.
		const link = alice.model.addLink({ source: a, target: b, kind: 'informal' });
		bob.model.deleteActor(b);
		Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc, Y.encodeStateVector(bob.doc)), REMOTE);
		expect(bob.model.link(link)?.dangling).toBe(true);
		expect(cy.getElementById(link).empty()).toBe(true);
		expect(cy.edges()).toHaveLength(0);
		// Bob's undo brings the actor back; the link itself is not part of that change.
		bobsUndo.undo();
		expect(changes.at(-1)?.links.has(link)).toBe(false);
		expect(cy.getElementById(link).nonempty()).toBe(true);
	});

	it('brings back an actor and its links together on undo', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'company' });
		const b = model.addActor({ name: 'B', kind: 'company' });
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		const undo = new Y.UndoManager([model.parts.actors, model.parts.links], { trackedOrigins: new Set([model.origin]) });
		const { cy } = bind(model);
		model.deleteActor(a);
		expect(cy.getElementById(a).empty()).toBe(true);
		expect(cy.getElementById(link).empty()).toBe(true);
		undo.undo();
		expect(cy.getElementById(a).nonempty()).toBe(true);
		expect(cy.getElementById(link).nonempty()).toBe(true);
	});

	it('redraws a link whose end changed', () => {
		const { model } = replica();
		const [a, b, c] = ['A', 'B', 'C'].map((name) => model.addActor({ name, kind: 'company' })) as [string, string, string];
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		const { cy } = bind(model);
		model.updateLink(link, { target: c });
		expect(cy.getElementById(link).target().id()).toBe(c);
	});

	it('leaves alone a node whose position something else holds, but still updates its name', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'company', pos: { x: 0, y: 0 } });
		const { cy } = bind(model, new Set([a]));
		model.updateActor(a, { name: 'B', pos: { x: 100, y: 100 } });
		expect(cy.getElementById(a).position()).toEqual({ x: 0, y: 0 });
		expect(cy.getElementById(a).data('label')).toBe('B');
	});

	it('removes deleted elements', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'company' });
		const b = model.addActor({ name: 'B', kind: 'company' });
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		const { cy } = bind(model);
		model.deleteLink(link);
		expect(cy.edges()).toHaveLength(0);
		model.deleteActors([a, b]);
		expect(cy.elements()).toHaveLength(0);
	});
});
