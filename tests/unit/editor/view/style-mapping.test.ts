// Styling without code: colour, shape and size follow any field, labels follow a template, the legend lists what is drawn, and no category is told by colour alone.
import { describe, it, expect } from 'vitest';
import { applyStyle } from '$lib/editor/view/style-mapping';
import { CATEGORY_COLOURS, GAP_COLOUR, NEUTRAL_COLOUR, RAMP_COLOURS, STATUS_COLOURS, PLAIN_LINK_COLOUR, MAX_NODE_SIZE, MIN_NODE_SIZE } from '$lib/editor/view/palette';
import { defaultStyle, parseStyle, styleToJson, type ActorAttribute, type ViewStyle } from '$lib/editor/view/view-state';
import { renderTemplate, templateWith, extraOf } from '$lib/editor/view/label-template';
import { ACTOR_LOOKS } from '$lib/editor/style';
import { contrastRatio, GRAPHICS_CONTRAST } from '$lib/editor/colour';
import { smallMap, dataOf, NAMES } from './fixtures';

const { model, ids } = smallMap();
const data = dataOf(model);
const styled = (patch: Partial<ViewStyle>) => applyStyle(data, { ...defaultStyle(), ...patch }, NAMES);

describe('actor styles', () => {
	it('keeps the kind looks by default', () => {
		const { actors, legend } = styled({});
		expect(actors.get(ids.c)).toMatchObject({ colour: ACTOR_LOOKS.education.colour, shape: ACTOR_LOOKS.education.shape, size: 30, label: 'Savonia' });
		expect(legend.colour?.categories.map((c) => c.key)).toEqual(['company', 'education', 'development', 'other']);
		expect(legend.colour?.categories[0]).toMatchObject({ label: 'kind:company', count: 2, shape: 'ellipse' });
		expect(legend.shape).toBeNull();
	});

	it('colours by region, with "none" last, and names the region in the label (never colour alone)', () => {
		const { actors, legend } = styled({ colourBy: 'region' });
		expect(legend.colour?.categories.map((c) => c.label)).toEqual(['Iisalmi', 'Kuopio', 'none']);
		expect(actors.get(ids.a)!.colour).toBe(CATEGORY_COLOURS[0]);
		expect(actors.get(ids.b)!.colour).toBe(CATEGORY_COLOURS[1]);
		expect(actors.get(ids.e)!.colour).toBe(NEUTRAL_COLOUR);
		expect(actors.get(ids.a)!.label).toBe('Alfa Oy · Iisalmi');
		// Shape still shows the kind, listed separately.
		expect(legend.shape?.attribute).toBe('kind');
	});

	it('needs no label marker when shape shows the same attribute or the template names it', () => {
		expect(styled({ colourBy: 'region', shapeBy: 'region' }).actors.get(ids.a)!.label).toBe('Alfa Oy');
		expect(styled({ colourBy: 'region', label: '{name} ({region})' }).actors.get(ids.a)!.label).toBe('Alfa Oy (Iisalmi)');
		expect(styled({ colourBy: 'region', label: '{name} ({region})' }).actors.get(ids.e)!.label).toBe('Äänekosken Yksinäinen');
	});

	it('tells every pair of actors in different colour categories apart without colour', () => {
		const attributes: ActorAttribute[] = ['kind', 'region', 'sector', 'growth', 'role', 'sizeClass', 'degree', `custom:${ids.stage}`, `custom:${ids.staff}`];
		for (const colourBy of attributes) {
			for (const shapeBy of ['kind', 'none', colourBy] as ActorAttribute[]) {
				const { actors } = styled({ colourBy, shapeBy, label: '' });
				const list = [...actors.values()];
				for (const x of list) {
					for (const y of list) {
						if (x.colour === y.colour) continue;
						expect(x.shape !== y.shape || x.label !== y.label, `${colourBy}/${shapeBy}`).toBe(true);
					}
				}
			}
		}
	});

	it('colours sectors, growth and choice fields by category', () => {
		expect(styled({ colourBy: 'sector' }).legend.colour?.categories.map((c) => c.label)).toEqual(['Biotalous', 'ICT', 'none']);
		// Savonia is in ICT and Biotalous: the first in the map's sector order counts.
		expect(styled({ colourBy: 'sector' }).actors.get(ids.c)!.colour).toBe(CATEGORY_COLOURS[0]);
		expect(styled({ colourBy: 'growth' }).legend.colour?.categories.map((c) => c.label)).toEqual(['growth', 'other sectors']);
		expect(styled({ colourBy: `custom:${ids.stage}` }).legend.colour?.categories.map((c) => c.label)).toEqual(['kasvu', 'none']);
	});

	it('bins numbers for colour and scales node area for size', () => {
		const byDegree = styled({ colourBy: 'degree', sizeBy: 'degree' });
		expect(byDegree.legend.colour?.categories.map((c) => c.label)).toEqual(['0', '2']);
		expect(byDegree.actors.get(ids.c)!.colour).toBe(RAMP_COLOURS[1]);
		expect(byDegree.actors.get(ids.e)!.size).toBe(MIN_NODE_SIZE);
		expect(byDegree.actors.get(ids.c)!.size).toBe(MAX_NODE_SIZE);
		expect(byDegree.legend.size).toMatchObject({ attribute: 'degree', min: 0, max: 2 });
		const byStaff = styled({ sizeBy: `custom:${ids.staff}` });
		expect(byStaff.actors.get(ids.b)!.size).toBe(MAX_NODE_SIZE);
		expect(byStaff.actors.get(ids.a)!.size).toBe(MIN_NODE_SIZE);
		// No value: the smallest size.
		expect(byStaff.actors.get(ids.c)!.size).toBe(MIN_NODE_SIZE);
		expect(styled({ colourBy: 'sizeClass' }).legend.colour?.categories.map((c) => c.label)).toEqual(['10-19', 'none']);
	});

	it('merges categories past the palette into "other" in the legend', () => {
		const { model: big } = smallMap();
		for (let i = 0; i < 14; i++) big.addActor({ name: `T${i}`, kind: 'company', region: big.addRegion({ name: `Kunta ${String(i).padStart(2, '0')}` }) });
		const { legend } = applyStyle(dataOf(big), { ...defaultStyle(), colourBy: 'region' }, NAMES);
		expect(legend.colour!.categories).toHaveLength(CATEGORY_COLOURS.length + 1);
		expect(legend.colour!.categories.at(-1)).toMatchObject({ label: 'other', colour: NEUTRAL_COLOUR });
	});
});

describe('link styles', () => {
	it('draws gaps dashed in their own colour, planned links dotted, and strength as width', () => {
		const { links } = styled({});
		expect(links.get(ids.dc)).toMatchObject({ line: 'dashed', colour: GAP_COLOUR });
		expect(links.get(ids.cb)).toMatchObject({ line: 'dotted', sourceArrow: 'triangle', targetArrow: 'triangle' });
		expect(links.get(ids.ab)!.line).toBe('solid');
		expect(links.get(ids.ad)).toMatchObject({ targetArrow: 'none', sourceArrow: 'none' });
		expect(links.get(ids.ab)!.width).toBeGreaterThan(links.get(ids.cb)!.width);
		expect(styled({ linkWidthBy: 'none' }).links.get(ids.ab)!.width).toBe(2);
		expect(links.get(ids.ab)!.label).toBe('link:customer_supplier');
		expect(styled({ linkLabel: 'none' }).links.get(ids.ab)!.label).toBe('');
	});

	it('names planned and gap links in the label where the renderer cannot draw dashes (WebGL)', () => {
		const solid = applyStyle(data, defaultStyle(), NAMES, { patterns: false });
		expect(solid.links.get(ids.dc)!.label).toBe('link:funding · status:gap');
		expect(solid.links.get(ids.cb)!.label).toBe('link:rdi_project · status:planned');
		expect(solid.links.get(ids.ab)!.label).toBe('link:customer_supplier');
		expect(applyStyle(data, { ...defaultStyle(), linkLabel: 'none' }, NAMES, { patterns: false }).links.get(ids.dc)!.label).toBe('status:gap');
	});

	it('colours links by status or strength', () => {
		expect(styled({ linkColourBy: 'status' }).links.get(ids.cb)!.colour).toBe(STATUS_COLOURS.planned);
		expect(styled({ linkColourBy: 'strength' }).links.get(ids.ab)!.colour).toBe(RAMP_COLOURS[3]);
		expect(styled({ linkColourBy: 'none' }).links.get(ids.ab)!.colour).toBe(PLAIN_LINK_COLOUR);
		expect(styled({ linkColourBy: 'none' }).links.get(ids.dc)!.colour).toBe(GAP_COLOUR);
		expect(styled({}).legend.linkStatus.map((entry) => entry.line)).toEqual(['solid', 'dotted', 'dashed']);
	});
});

describe('contrast', () => {
	it('draws every palette colour at 3:1 or more against the canvas', () => {
		const colours = [...CATEGORY_COLOURS, ...RAMP_COLOURS, NEUTRAL_COLOUR, GAP_COLOUR, PLAIN_LINK_COLOUR, ...Object.values(STATUS_COLOURS)];
		for (const colour of colours) expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(GRAPHICS_CONTRAST);
	});
});

describe('label templates and saved styles', () => {
	it('fills the template from the menu and drops empty brackets', () => {
		expect(templateWith('region')).toBe('{name} ({region})');
		expect(extraOf('{name} ({region})')).toBe('region');
		expect(extraOf('')).toBe('hidden');
		expect(renderTemplate('{name} ({region})', (token) => (token === 'name' ? 'A' : ''))).toBe('A');
		expect(renderTemplate('{name} {script}', () => 'x')).toBe('x {script}');
		expect(styled({ label: '{name} ({sector})' }).actors.get(ids.c)!.label).toBe('Savonia (Biotalous, ICT)');
	});

	it('round-trips a style and falls back to defaults for junk', () => {
		const style: ViewStyle = { ...defaultStyle(), colourBy: 'region', sizeBy: 'degree', linkColourBy: 'status' };
		expect(parseStyle(JSON.parse(JSON.stringify(styleToJson(style))))).toEqual(style);
		expect(parseStyle({ colourBy: 'favourite colour', linkWidthBy: 3, label: 7 })).toEqual(defaultStyle());
	});
});
