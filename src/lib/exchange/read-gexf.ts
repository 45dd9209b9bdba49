// Reads GEXF 1.2/1.3 (Gephi, Kartta's own export): labels, attributes by title, positions and edge types become columns.
import { isCustomFieldType, type CustomFieldType } from '$lib/map';
import { CANONICAL_COLUMNS, isStandardColumn } from './columns';
import { fileError } from './errors';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import { buildSheet } from './sheet';
import type { Cell, ImportSource, SourceCatalog } from './types';
import { attrs, children, parseXml, unescapeXml, type XmlNode } from './xml';

interface Attribute {
	id: string;
	title: string;
	type: string;
	options: string[];
	fallback: string | null;
}

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;
/** Kartta's export marks its custom fields' attribute ids, so a field named like a standard column stays a field. */
export const FIELD_ATTRIBUTE_PREFIX = 'kartta-field-';
const NUMBER_TYPES = new Set(['integer', 'long', 'double', 'float', 'short', 'byte', 'bigdecimal', 'biginteger']);
/** Gephi edge types that are Kartta directions. */
const EDGE_TYPES = new Set(['directed', 'undirected', 'mutual']);

/** GEXF 1.2 writes lists "a|b", 1.3 tools may write "[a, b]"; both become Kartta's "a|b". */
function listText(text: string): string {
	const trimmed = text.trim();
	if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return text;
	return trimmed.slice(1, -1).split(',').map((item) => item.trim()).join(DEFAULT_LIST_SEPARATOR);
}

function typedValue(raw: string, type: string): Cell {
	const text = unescapeXml(raw);
	if (NUMBER_TYPES.has(type)) {
		const number = Number(text.trim());
		return text.trim() !== '' && Number.isFinite(number) ? number : text;
	}
	if (type === 'boolean') return text.trim().toLowerCase() === 'true';
	if (type.startsWith('list')) return listText(text);
	return text;
}

function readAttributes(graph: XmlNode, kind: 'node' | 'edge', reserved: string[]): Attribute[] {
	const taken = new Set(reserved.map((name) => name.toLowerCase()));
	return children(graph, 'attributes')
		.filter((group) => attrs(group).class === kind)
		.flatMap((group) => children(group, 'attribute'))
		.map((attribute) => {
			const a = attrs(attribute);
			let title = unescapeXml(a.title ?? a.id ?? '').trim() || String(a.id);
			if (taken.has(title.toLowerCase())) title = `${title} (attribute)`;
			taken.add(title.toLowerCase());
			const optionsNode = children(attribute, 'options')[0];
			const optionsText = optionsNode ? String(optionsNode['#text'] ?? '') : '';
			const defaultNode = children(attribute, 'default')[0];
			return {
				id: a.id ?? '',
				title,
				type: (a.type ?? 'string').toLowerCase(),
				options: unescapeXml(optionsText).split(DEFAULT_LIST_SEPARATOR).map((o) => o.trim()).filter(Boolean),
				fallback: defaultNode ? String(defaultNode['#text'] ?? '') : null
			};
		});
}

function attributeValues(element: XmlNode, attributes: Attribute[]): Record<string, Cell> {
	const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
	const values: Record<string, Cell> = {};
	for (const attribute of attributes) {
		if (attribute.fallback !== null) values[attribute.title] = typedValue(attribute.fallback, attribute.type);
	}
	for (const group of children(element, 'attvalues')) {
		for (const attvalue of children(group, 'attvalue')) {
			const a = attrs(attvalue);
			const attribute = byId.get(a.for ?? a.id ?? '');
			if (attribute) values[attribute.title] = typedValue(a.value ?? '', attribute.type);
		}
	}
	return values;
}

/** Gephi's y axis points up, Kartta's down: y is negated both ways, so a round trip keeps positions. */
function position(node: XmlNode): Record<string, Cell> {
	const a = attrs(children(node, 'viz:position')[0] ?? children(node, 'position')[0]);
	const x = Number(a.x);
	const y = Number(a.y);
	return a.x !== undefined && a.y !== undefined && Number.isFinite(x) && Number.isFinite(y) ? { [E.x]: x, [E.y]: y === 0 ? 0 : -y } : {};
}

function fieldType(attribute: Attribute): CustomFieldType {
	const declared = attribute.id.startsWith(FIELD_ATTRIBUTE_PREFIX) ? attribute.id.slice(attribute.id.lastIndexOf('-') + 1) : '';
	if (isCustomFieldType(declared)) return declared;
	if (NUMBER_TYPES.has(attribute.type)) return 'number';
	if (attribute.type === 'date') return 'date';
	if (attribute.type === 'anyuri') return 'url';
	if (attribute.type.startsWith('list')) return 'multi_choice';
	return attribute.options.length > 0 ? 'choice' : 'text';
}

function catalogOf(nodeAttributes: Attribute[], edgeAttributes: Attribute[]): SourceCatalog {
	const all = [
		...nodeAttributes.map((attribute) => ({ attribute, target: 'actor' as const })),
		...edgeAttributes.map((attribute) => ({ attribute, target: 'link' as const }))
	];
	const fields = all
		.filter(({ attribute, target }) => attribute.id.startsWith(FIELD_ATTRIBUTE_PREFIX) || !isStandardColumn(target, attribute.title))
		.map(({ attribute, target }) => ({
			name: attribute.title,
			type: fieldType(attribute),
			target,
			...(attribute.options.length > 0 && { options: attribute.options })
		}));
	return { fields };
}

function toSheet(name: string, rows: Record<string, Cell>[]) {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	return buildSheet(name, columns, rows.map((row) => columns.map((column) => row[column] ?? null)), 1);
}

export function readGexf(bytes: Uint8Array, fileName: string): ImportSource {
	const document = parseXml(bytes, fileName);
	const root = children(document, 'gexf')[0];
	const graph = root ? children(root, 'graph')[0] : undefined;
	if (!root || !graph) throw fileError('malformed_file', `"${fileName}" is XML but not GEXF: it has no <gexf> with a <graph>.`);
	const nodeAttributes = readAttributes(graph, 'node', [E.id, E.name, E.x, E.y]);
	const edgeAttributes = readAttributes(graph, 'edge', [C.id, C.source, C.target, C.direction, 'Weight']);
	const nodes = children(children(graph, 'nodes')[0], 'node').map((node) => {
		const a = attrs(node);
		return {
			[E.id]: unescapeXml(a.id ?? ''),
			[E.name]: unescapeXml(a.label ?? ''),
			...attributeValues(node, nodeAttributes),
			...position(node)
		};
	});
	const hasStrength = edgeAttributes.some((attribute) => attribute.title.toLowerCase() === C.strength.toLowerCase());
	// Kartta writes "directed" as the default and a type only where a link has a direction; an
	// undirected graph from Gephi makes its untyped edges undirected.
	const defaultType = (attrs(graph).defaultedgetype ?? 'directed').toLowerCase();
	const edges = children(children(graph, 'edges')[0], 'edge').map((edge) => {
		const a = attrs(edge);
		const type = (a.type ?? (defaultType === 'directed' ? '' : defaultType)).toLowerCase();
		const weight = Number(a.weight);
		return {
			...(a.id !== undefined && { [C.id]: unescapeXml(a.id) }),
			[C.source]: unescapeXml(a.source ?? ''),
			[C.target]: unescapeXml(a.target ?? ''),
			...(EDGE_TYPES.has(type) && { [C.direction]: type }),
			// Kartta writes strength as an attribute; a foreign file's weight is kept as a number field.
			...(!hasStrength && a.weight !== undefined && Number.isFinite(weight) && { Weight: weight }),
			...attributeValues(edge, edgeAttributes)
		};
	});
	return {
		format: 'gexf',
		elements: toSheet('nodes', nodes),
		connections: toSheet('edges', edges),
		catalog: catalogOf(nodeAttributes, edgeAttributes)
	};
}
