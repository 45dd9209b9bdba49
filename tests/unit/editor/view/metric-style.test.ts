// Styling by a network metric: sizes and colours follow the latest analysis's figures (computed by the real analysis core), communities are groups, and saved views keep only well-formed metric attributes.
import { describe, it, expect } from 'vitest';
import { applyStyle, type MapData } from '$lib/editor/view/style-mapping';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '$lib/editor/view/palette';
import { defaultStyle, isActorAttribute, parseStyle, type ViewStyle } from '$lib/editor/view/view-state';
import { isNumericAttribute } from '$lib/editor/view/attributes';
import { analyseMap } from '$lib/analysis';
import { metricValues } from '$lib/components/analysis/metric-values';
import { smallMap, dataOf, NAMES } from './fixtures';

const { model, ids } = smallMap();
const analysis = analyseMap(model.snapshot(), { statuses: ['existing', 'planned', 'gap'] });
const data: MapData = { ...dataOf(model), metrics: metricValues(analysis) };
const styled = (patch: Partial<ViewStyle>, input = data) => applyStyle(input, { ...defaultStyle(), ...patch }, NAMES);

describe('metric attributes', () => {
	it('sizes actors by betweenness: the broker biggest, actors on no path smallest', () => {
		const betweenness = new Map(analysis.actors.map((actor) => [actor.id, actor.betweenness]));
		const broker = [...betweenness].sort((a, b) => b[1] - a[1])[0]![0];
		const { actors, legend } = styled({ sizeBy: 'metric:betweenness' });
		expect(actors.get(broker)!.size).toBe(MAX_NODE_SIZE);
		expect(actors.get(ids.e)!.size).toBe(MIN_NODE_SIZE);
		expect(legend.size).toMatchObject({ attribute: 'metric:betweenness', min: 0, max: betweenness.get(broker) });
	});

	it('draws every actor at the smallest size until an analysis has run', () => {
		const { actors } = styled({ sizeBy: 'metric:pagerank' }, dataOf(model));
		expect(new Set([...actors.values()].map((actor) => actor.size))).toEqual(new Set([MIN_NODE_SIZE]));
	});

	it('colours by community as groups numbered from 1, and names the group in the label (never colour alone)', () => {
		const { actors, legend } = styled({ colourBy: 'metric:community' });
		const labels = legend.colour!.categories.map((category) => category.label);
		expect(labels).toEqual(analysis.communities.map((community) => String(community.index + 1)));
		const community = analysis.actors.find((actor) => actor.id === ids.a)!.community;
		expect(actors.get(ids.a)!.label).toBe(`Alfa Oy · ${community + 1}`);
	});

	it('counts metrics as numbers, except the community', () => {
		expect(isNumericAttribute('metric:betweenness', [])).toBe(true);
		expect(isNumericAttribute('metric:community', [])).toBe(false);
	});

	it('keeps a metric attribute from a saved view, and drops one that is not a plain name', () => {
		expect(parseStyle({ sizeBy: 'metric:pagerank', colourBy: 'metric:community' })).toMatchObject({ sizeBy: 'metric:pagerank', colourBy: 'metric:community' });
		expect(isActorAttribute('metric:')).toBe(false);
		expect(isActorAttribute('metric:../x')).toBe(false);
		expect(parseStyle({ sizeBy: 'metric:<b>' }).sizeBy).toBe('none');
	});
});
