// Reads GraphML (yEd, Cytoscape, Gephi, Kartta's own export): node and edge data become columns named after their keys.
import { isCustomFieldType, type CustomFieldType } from '$lib/map';
import { CANONICAL_COLUMNS } from './columns';
import { fileError } from './errors';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import { buildSheet } from './sheet';
import type { Cell, ImportSource, SourceCatalog } from './types';
import { attrs, children, parseXml, textOf, unescapeXml, type XmlNode } from './xml';

interface Key {
	id: string;
	column: string;
	type: string;
	/** Kartta's own annotation of a custom field's type (GraphML has only string, int, double...). */
	fieldType: CustomFieldType | null;
	options: string[];
	yfiles: string | null;
}

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;

function typedValue(text: string, type: string): Cell {
	const value = unescapeXml(text);
	if (type === 'int' || type === 'long' || type === 'float' || type === 'double') {
		const number = Number(value.trim());
		return value.trim() !== '' && Number.isFinite(number) ? number : value;
	}
	if (type === 'boolean') return value.trim().toLowerCase() === 'true';
	return value;
}

/** Keys for one kind of element; a key named like a structural column (ID, From, To) gets a suffix so nothing is overwritten. */
function readKeys(root: XmlNode, domain: 'node' | 'edge', reserved: string[]): Key[] {
	const taken = new Set(reserved.map((name) => name.toLowerCase()));
	return children(root, 'key')
		.map(attrs)
		.filter((key) => key.for === domain || key.for === 'all' || key.for === undefined)
		.map((key) => {
			let column = unescapeXml(key['attr.name'] ?? key.id ?? '').trim() || String(key.id);
			if (taken.has(column.toLowerCase())) column = `${column} (data)`;
			taken.add(column.toLowerCase());
			const fieldType = key['kartta.field'] ?? '';
			return {
				id: key.id ?? '',
				column,
				type: key['attr.type'] ?? 'string',
				fieldType: isCustomFieldType(fieldType) ? fieldType : null,
				options: (key['kartta.options'] ? unescapeXml(key['kartta.options']).split(DEFAULT_LIST_SEPARATOR) : []).filter(Boolean),
				yfiles: key['yfiles.type'] ?? null
			};
		});
}

/** yEd keeps a node's label and position in its graphics markup rather than in plain data. */
function yedGraphics(data: XmlNode): { label?: string; x?: number; y?: number } {
	const shape = Object.entries(data).find(([name]) => /^y:/.test(name))?.[1];
	const node = (Array.isArray(shape) ? shape[0] : shape) as XmlNode | undefined;
	if (!node) return {};
	const geometry = attrs(children(node, 'y:Geometry')[0]);
	const label = children(node, 'y:NodeLabel').map(textOf).find((text) => text !== null && text.trim() !== '');
	// yEd's geometry is the top-left corner; Kartta's position is the centre.
	const x = Number(geometry.x) + (Number(geometry.width) || 0) / 2;
	const y = Number(geometry.y) + (Number(geometry.height) || 0) / 2;
	return { ...(label != null && { label: unescapeXml(label).trim() }), ...(Number.isFinite(x) && Number.isFinite(y) && { x, y }) };
}

function rowsOf(elements: XmlNode[], keys: Key[], structural: (a: Record<string, string>) => Record<string, Cell>) {
	const byId = new Map(keys.map((key) => [key.id, key]));
	return elements.map((element) => {
		const values: Record<string, Cell> = { ...structural(attrs(element)) };
		for (const data of children(element, 'data')) {
			const key = byId.get(attrs(data).key ?? '');
			if (!key) continue;
			if (key.yfiles === 'nodegraphics') {
				const graphics = yedGraphics(data);
				if (graphics.label !== undefined) values[E.name] ??= graphics.label;
				if (graphics.x !== undefined) values[E.x] ??= graphics.x;
				if (graphics.y !== undefined) values[E.y] ??= graphics.y;
				continue;
			}
			const text = textOf(data);
			if (text !== null && key.yfiles === null) values[key.column] = typedValue(text, key.type);
		}
		return values;
	});
}

function toSheet(name: string, rows: Record<string, Cell>[]) {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	// Row numbers count nodes (edges) from 1, in file order.
	return buildSheet(name, columns, rows.map((row) => columns.map((column) => row[column] ?? null)), 1);
}

function catalogOf(nodeKeys: Key[], edgeKeys: Key[]): SourceCatalog {
	const fields = [
		...nodeKeys.map((key) => ({ key, target: 'actor' as const })),
		...edgeKeys.map((key) => ({ key, target: 'link' as const }))
	]
		.filter(({ key }) => key.fieldType !== null)
		.map(({ key, target }) => ({
			name: key.column,
			type: key.fieldType!,
			target,
			...(key.options.length > 0 && { options: key.options })
		}));
	return { fields };
}

export function readGraphml(bytes: Uint8Array, fileName: string): ImportSource {
	const document = parseXml(bytes, fileName);
	const root = children(document, 'graphml')[0];
	const graph = root ? children(root, 'graph')[0] : undefined;
	if (!root || !graph) throw fileError('malformed_file', `"${fileName}" is XML but not GraphML: it has no <graphml> with a <graph>.`);
	const nodeKeys = readKeys(root, 'node', [E.id]);
	const edgeKeys = readKeys(root, 'edge', [C.id, C.source, C.target]);
	const nodes = rowsOf(children(graph, 'node'), nodeKeys, (a) => ({ [E.id]: unescapeXml(a.id ?? '') }));
	// An undirected graph (or edge) from another tool gives undirected links; Kartta's own export is directed.
	const undirectedGraph = attrs(graph).edgedefault === 'undirected';
	const edges = rowsOf(children(graph, 'edge'), edgeKeys, (a) => ({
		...(a.id !== undefined && { [C.id]: unescapeXml(a.id) }),
		[C.source]: unescapeXml(a.source ?? ''),
		[C.target]: unescapeXml(a.target ?? ''),
		...((a.directed === 'false' || (undirectedGraph && a.directed !== 'true')) && { [C.direction]: 'undirected' })
	}));
	return {
		format: 'graphml',
		elements: toSheet('nodes', nodes),
		connections: toSheet('edges', edges),
		catalog: catalogOf(nodeKeys, edgeKeys)
	};
}
