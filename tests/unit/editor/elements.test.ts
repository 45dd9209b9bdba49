// Model views to Cytoscape elements: labels and kinds carried over, broken data flagged, undrawable links left out.
import { describe, it, expect } from 'vitest';
import { actorElement, linkElement } from '$lib/editor/elements';
import { INVALID_CLASS } from '$lib/editor/style';
import type { ActorView, LinkView } from '$lib/map';

const actor: ActorView = { id: 'a', name: 'Puu Oy', kind: 'company', pos: { x: 5, y: -3 }, createdAt: 1, issues: [] };
const link: LinkView = { id: 'l', source: 'a', target: 'b', kind: 'funding', dangling: false, issues: [] };
const everything = () => true;
const label = (kind: string) => `<${kind}>`;

describe('elements', () => {
	it('draws an actor at its position with its name as label', () => {
		expect(actorElement(actor)).toEqual({
			group: 'nodes',
			data: { id: 'a', label: 'Puu Oy', kind: 'company' },
			position: { x: 5, y: -3 },
			classes: []
		});
	});

	it('marks an actor with data problems', () => {
		const broken = { ...actor, kind: 'alien', issues: [{ field: 'kind', code: 'invalid_kind' as const, message: '' }] };
		expect(actorElement(broken).classes).toEqual([INVALID_CLASS]);
	});

	it('draws a link between two drawn actors, labelled with its translated kind', () => {
		expect(linkElement(link, everything, label)?.data).toEqual({ id: 'l', source: 'a', target: 'b', kind: 'funding', label: '<funding>' });
	});

	it('leaves out dangling links and links to actors that are not drawn', () => {
		expect(linkElement({ ...link, dangling: true }, everything, label)).toBeNull();
		expect(linkElement(link, (id) => id !== 'b', label)).toBeNull();
	});
});
