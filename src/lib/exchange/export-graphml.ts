// GraphML export for yEd and Cytoscape desktop: declared keys, directed edges, every actor and link field as data.
import type { ActorView, CustomFieldView, MapSnapshot } from '$lib/map';
import { CANONICAL_COLUMNS } from './columns';
import { fieldColumns } from './export-rows';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import { escapeXml } from './xml';

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;

interface KeyDef {
	id: string;
	domain: 'node' | 'edge';
	name: string;
	type: 'string' | 'double' | 'int';
	/** Kartta's own annotation of a custom field, so a round trip keeps its type and options. */
	field?: CustomFieldView;
}

type Value = string | number | readonly string[] | undefined | null;

function keyXml(key: KeyDef): string {
	const extra = key.field
		? ` kartta.field="${escapeXml(key.field.type)}"${key.field.options ? ` kartta.options="${escapeXml(key.field.options.join(DEFAULT_LIST_SEPARATOR))}"` : ''}`
		: '';
	return `  <key id="${key.id}" for="${key.domain}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"${extra}/>`;
}

function dataXml(key: KeyDef, value: Value): string {
	if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '';
	const text = Array.isArray(value) ? value.join(DEFAULT_LIST_SEPARATOR) : String(value);
	return `\n      <data key="${key.id}">${escapeXml(text)}</data>`;
}

function keysFor(domain: 'node' | 'edge', standard: [string, KeyDef['type']][], fields: CustomFieldView[], columns: Map<string, string>): KeyDef[] {
	const prefix = domain === 'node' ? 'n' : 'e';
	const keys: KeyDef[] = standard.map(([name, type], i) => ({ id: `${prefix}${i}`, domain, name, type }));
	fields.forEach((field, i) => {
		keys.push({ id: `${prefix}f${i}`, domain, name: columns.get(field.id)!, type: field.type === 'number' ? 'double' : 'string', field });
	});
	return keys;
}

const YED_GRAPHICS_KEY = 'yg';
const YED_NODE_SIZE = 30;

/**
 * yEd draws a node from its own graphics markup, not from data: without it every node would be
 * an unlabelled box at 0,0. Geometry is the top-left corner; Kartta's position is the centre.
 */
function yedGraphics(actor: ActorView): string {
	const x = actor.pos.x - YED_NODE_SIZE / 2;
	const y = actor.pos.y - YED_NODE_SIZE / 2;
	const geometry = `<y:Geometry x="${x}" y="${y}" width="${YED_NODE_SIZE}" height="${YED_NODE_SIZE}"/>`;
	return `\n      <data key="${YED_GRAPHICS_KEY}"><y:ShapeNode>${geometry}<y:NodeLabel>${escapeXml(actor.name)}</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>`;
}

export function exportGraphml(snapshot: MapSnapshot): Uint8Array {
	const regions = new Map(snapshot.regions.map((r) => [r.id, r.name]));
	const sectors = new Map(snapshot.sectors.map((s) => [s.id, s.name]));
	const actorFields = snapshot.fields.filter((f) => f.appliesTo === 'actor');
	const linkFields = snapshot.fields.filter((f) => f.appliesTo === 'link');
	const nodeKeys = keysFor('node', [
		[E.name, 'string'], [E.kind, 'string'], [E.region, 'string'], [E.description, 'string'], [E.tags, 'string'],
		[E.sectors, 'string'], [E.businessId, 'string'], [E.roles, 'string'], [E.sizeClass, 'string'], [E.website, 'string'],
		[E.x, 'double'], [E.y, 'double']
	], actorFields, fieldColumns(snapshot.fields, 'actor'));
	const edgeKeys = keysFor('edge', [
		[C.kind, 'string'], [C.description, 'string'], [C.strength, 'int'], [C.direction, 'string'], [C.status, 'string'],
		[C.yearFrom, 'int'], [C.yearTo, 'int'], [C.evidence, 'string']
	], linkFields, fieldColumns(snapshot.fields, 'link'));
	const nodes = snapshot.actors.map((a) => {
		const values: Value[] = [
			a.name, a.kind, a.region ? regions.get(a.region) : undefined, a.description, a.tags,
			a.sectors?.map((id) => sectors.get(id) ?? id), a.businessId, a.roles, a.sizeClass, a.website, a.pos.x, a.pos.y,
			...actorFields.map((f) => a.custom?.[f.id])
		];
		return `    <node id="${escapeXml(a.id)}">${values.map((v, i) => dataXml(nodeKeys[i]!, v)).join('')}${yedGraphics(a)}\n    </node>`;
	});
	const edges = snapshot.links.map((l) => {
		const values: Value[] = [
			l.kind, l.description, l.strength, l.direction, l.status, l.years?.from, l.years?.to, l.evidence,
			...linkFields.map((f) => l.custom?.[f.id])
		];
		return `    <edge id="${escapeXml(l.id)}" source="${escapeXml(l.source)}" target="${escapeXml(l.target)}">${values.map((v, i) => dataXml(edgeKeys[i]!, v)).join('')}\n    </edge>`;
	});
	const xml = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml"',
		'  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
		...nodeKeys.map(keyXml),
		...edgeKeys.map(keyXml),
		`  <key id="${YED_GRAPHICS_KEY}" for="node" yfiles.type="nodegraphics"/>`,
		// GraphML ids are NMTOKENs: the title (with spaces) would not be one.
		'  <graph id="G" edgedefault="directed">',
		...nodes,
		...edges,
		'  </graph>',
		'</graphml>',
		''
	].join('\n');
	return new TextEncoder().encode(xml);
}
