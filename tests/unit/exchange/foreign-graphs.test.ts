// Graph files written by other tools: yEd's GraphML (labels and positions in node graphics) and Gephi's GEXF (attributes, lists, weights).
import { describe, expect, it } from 'vitest';
import { applyImportPlan, parseImportFile, planImport, suggestMapping } from '$lib/exchange';
import { emptyMap, TEST_NOW } from './helpers';

const text = (value: string) => new TextEncoder().encode(value);

async function importInto(bytes: Uint8Array, fileName: string) {
	const model = emptyMap();
	const source = await parseImportFile(bytes, fileName);
	const plan = planImport(source, suggestMapping(source, model.snapshot()), model.snapshot(), { now: TEST_NOW });
	applyImportPlan(model, plan);
	return { model, plan };
}

const YED = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d0" yfiles.type="nodegraphics"/>
  <key attr.name="description" attr.type="string" for="node" id="d1"/>
  <key for="edge" id="d2" yfiles.type="edgegraphics"/>
  <graph edgedefault="undirected" id="G">
    <node id="n0">
      <data key="d1">Kaupungin elinkeinopalvelut &amp; neuvonta</data>
      <data key="d0"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="100.0" y="-50.0"/><y:Fill color="#FFCC00"/><y:NodeLabel alignment="center">Iisalmen kaupunki</y:NodeLabel></y:ShapeNode></data>
    </node>
    <node id="n1">
      <data key="d0"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="300.5" y="20.0"/><y:NodeLabel>Konepaja Oy</y:NodeLabel></y:ShapeNode></data>
    </node>
    <edge id="e0" source="n0" target="n1"><data key="d2"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
  </graph>
</graphml>`;

const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2026-01-01"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
      <attribute id="0" title="Kunta" type="string"/>
      <attribute id="1" title="Teemat" type="liststring"/>
    </attributes>
    <nodes>
      <node id="0" label="Alfa Oy">
        <attvalues><attvalue for="modularity_class" value="1"/><attvalue for="0" value="Iisalmi"/><attvalue for="1" value="[vety, digi]"/></attvalues>
        <viz:size value="10.0"/><viz:position x="10.5" y="20.0" z="0.0"/><viz:color r="1" g="2" b="3"/>
      </node>
      <node id="1" label="Beta ry">
        <attvalues><attvalue for="modularity_class" value="2"/><attvalue for="0" value="Raahe"/></attvalues>
        <viz:position x="-3.0" y="-4.0" z="0.0"/>
      </node>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="2.5"/></edges>
  </graph>
</gexf>`;

describe('graph files from other tools', () => {
	it("yEd GraphML: labels and centres come from yEd's node graphics, edges of an undirected graph are undirected", async () => {
		const { model, plan } = await importInto(text(YED), 'yed.graphml');
		expect(plan.rows.every((r) => r.action === 'create')).toBe(true);
		const actors = model.actors();
		expect(actors.map((a) => [a.name, a.kind, a.pos, a.description])).toEqual(
			expect.arrayContaining([
				['Iisalmen kaupunki', 'other', { x: 115, y: -35 }, 'Kaupungin elinkeinopalvelut & neuvonta'],
				['Konepaja Oy', 'other', { x: 315.5, y: 35 }, undefined]
			])
		);
		expect(model.links()).toMatchObject([{ source: 'n0', target: 'n1', kind: 'informal', direction: 'undirected' }]);
		expect(model.fields()).toEqual([]);
	});

	it('Gephi GEXF: attributes become fields with their types, lists become multi-choice, weights a number field, y is flipped', async () => {
		const { model } = await importInto(text(GEPHI), 'gephi.gexf');
		const fields = Object.fromEntries(model.fields().map((f) => [f.name, f]));
		expect(fields['Modularity Class']).toMatchObject({ type: 'number', appliesTo: 'actor' });
		expect(fields['Teemat']).toMatchObject({ type: 'multi_choice', options: ['vety', 'digi'] });
		expect(fields['Weight']).toMatchObject({ type: 'number', appliesTo: 'link' });
		const alfa = model.actor('0')!;
		const region = model.regions().find((r) => r.id === alfa.region);
		expect(alfa).toMatchObject({ name: 'Alfa Oy', pos: { x: 10.5, y: -20 }, custom: { [fields['Modularity Class']!.id]: 1, [fields['Teemat']!.id]: ['vety', 'digi'] } });
		expect(region?.name).toBe('Iisalmi');
		expect(model.links()).toMatchObject([{ source: '0', target: '1', direction: 'undirected', custom: { [fields['Weight']!.id]: 2.5 } }]);
		expect(model.links()[0]!.strength).toBeUndefined();
	});
});
