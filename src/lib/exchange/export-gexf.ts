// GEXF 1.3 export for Gephi: declared, typed attributes, positions and colours in the viz namespace, link direction as edge type.
import type { ActorView, CustomFieldView, MapSnapshot } from '$lib/map';
import { CANONICAL_COLUMNS } from './columns';
import { fieldColumns } from './export-rows';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import { FIELD_ATTRIBUTE_PREFIX } from './read-gexf';
import { escapeXml } from './xml';

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;

/** Colours by actor kind when the caller gives none (the editor passes its own style). */
const KIND_COLOURS: Record<string, string> = {
	company: '#1f77b4',
	education: '#2ca02c',
	rdi: '#9467bd',
	public: '#d62728',
	development: '#ff7f0e',
	funding: '#8c564b',
	association: '#e377c2',
	other: '#7f7f7f'
};
const FALLBACK_COLOUR = '#7f7f7f';

type Value = string | number | readonly string[] | undefined | null;

interface Attribute {
	id: string;
	title: string;
	type: string;
	options?: string[];
}

/** GEXF types Gephi reads everywhere; dates are strings (not every GEXF reader knows a date type). */
function gexfType(field: CustomFieldView): string {
	switch (field.type) {
		case 'number':
			return 'double';
		case 'url':
			return 'anyURI';
		case 'multi_choice':
			return 'liststring';
		default:
			return 'string';
	}
}

function attributesXml(kind: 'node' | 'edge', attributes: Attribute[]): string {
	const lines = attributes.map((a) => {
		const options = a.options ? `<options>${escapeXml(a.options.join(DEFAULT_LIST_SEPARATOR))}</options>` : '';
		return `      <attribute id="${escapeXml(a.id)}" title="${escapeXml(a.title)}" type="${a.type}"${options ? `>${options}</attribute>` : '/>'}`;
	});
	return [`    <attributes class="${kind}">`, ...lines, '    </attributes>'].join('\n');
}

function attvaluesXml(attributes: Attribute[], values: Value[]): string {
	const items = values.flatMap((value, i) => {
		if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
		const text = Array.isArray(value) ? value.join(DEFAULT_LIST_SEPARATOR) : String(value);
		return [`<attvalue for="${escapeXml(attributes[i]!.id)}" value="${escapeXml(text)}"/>`];
	});
	return items.length === 0 ? '' : `<attvalues>${items.join('')}</attvalues>`;
}

function rgb(colour: string): { r: number; g: number; b: number } {
	const hex = /^#?([0-9a-f]{6})$/i.exec(colour.trim())?.[1] ?? FALLBACK_COLOUR.slice(1);
	const n = parseInt(hex, 16);
	return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

function fieldAttributes(fields: CustomFieldView[], columns: Map<string, string>, scope: 'node' | 'edge'): Attribute[] {
	return fields.map((f, i) => ({
		// The id carries Kartta's own type (e.g. date, which GEXF writes as a string), for a faithful round trip.
		id: `${FIELD_ATTRIBUTE_PREFIX}${scope}${i}-${f.type}`,
		title: columns.get(f.id)!,
		type: gexfType(f),
		...(f.options && { options: f.options })
	}));
}

export function exportGexf(snapshot: MapSnapshot, actorColour?: (actor: ActorView) => string): Uint8Array {
	const regions = new Map(snapshot.regions.map((r) => [r.id, r.name]));
	const sectors = new Map(snapshot.sectors.map((s) => [s.id, s.name]));
	const actorFields = snapshot.fields.filter((f) => f.appliesTo === 'actor');
	const linkFields = snapshot.fields.filter((f) => f.appliesTo === 'link');
	const nodeAttributes: Attribute[] = [
		...[E.kind, E.region, E.description, E.tags, E.sectors, E.businessId, E.roles, E.sizeClass].map((title, i) => ({ id: `n${i}`, title, type: 'string' })),
		{ id: 'n8', title: E.website, type: 'anyURI' },
		...fieldAttributes(actorFields, fieldColumns(snapshot.fields, 'actor'), 'node')
	];
	const edgeAttributes: Attribute[] = [
		{ id: 'e0', title: C.kind, type: 'string' },
		{ id: 'e1', title: C.description, type: 'string' },
		{ id: 'e2', title: C.strength, type: 'integer' },
		{ id: 'e3', title: C.status, type: 'string' },
		{ id: 'e4', title: C.yearFrom, type: 'integer' },
		{ id: 'e5', title: C.yearTo, type: 'integer' },
		{ id: 'e6', title: C.evidence, type: 'string' },
		...fieldAttributes(linkFields, fieldColumns(snapshot.fields, 'link'), 'edge')
	];
	const nodes = snapshot.actors.map((a) => {
		const values: Value[] = [
			a.kind, a.region ? regions.get(a.region) : undefined, a.description, a.tags, a.sectors?.map((id) => sectors.get(id) ?? id),
			a.businessId, a.roles, a.sizeClass, a.website, ...actorFields.map((f) => a.custom?.[f.id])
		];
		const { r, g, b } = rgb(actorColour?.(a) ?? KIND_COLOURS[a.kind] ?? FALLBACK_COLOUR);
		// Gephi's y axis points up; Kartta's canvas points down.
		const y = a.pos.y === 0 ? 0 : -a.pos.y;
		return `      <node id="${escapeXml(a.id)}" label="${escapeXml(a.name)}">${attvaluesXml(nodeAttributes, values)}<viz:position x="${a.pos.x}" y="${y}" z="0"/><viz:color r="${r}" g="${g}" b="${b}"/></node>`;
	});
	const edges = snapshot.links.map((l) => {
		const values: Value[] = [l.kind, l.description, l.strength, l.status, l.years?.from, l.years?.to, l.evidence, ...linkFields.map((f) => l.custom?.[f.id])];
		const type = l.direction ? ` type="${escapeXml(l.direction)}"` : '';
		const weight = l.strength !== undefined ? ` weight="${l.strength}"` : '';
		return `      <edge id="${escapeXml(l.id)}" source="${escapeXml(l.source)}" target="${escapeXml(l.target)}"${type}${weight}>${attvaluesXml(edgeAttributes, values)}</edge>`;
	});
	const xml = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
		'  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
		`  <meta><creator>Kartta</creator>${snapshot.title ? `<description>${escapeXml(snapshot.title)}</description>` : ''}</meta>`,
		'  <graph defaultedgetype="directed" mode="static">',
		attributesXml('node', nodeAttributes),
		attributesXml('edge', edgeAttributes),
		'    <nodes>',
		...nodes,
		'    </nodes>',
		'    <edges>',
		...edges,
		'    </edges>',
		'  </graph>',
		'</gexf>',
		''
	].join('\n');
	return new TextEncoder().encode(xml);
}
