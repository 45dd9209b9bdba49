// Safe XML parsing for GraphML and GEXF: documents with a DOCTYPE are refused (no entity can expand), malformed ones are reported with their line.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText } from './decode';
import { fileError } from './errors';

/** A DOCTYPE is the only place entities are declared; refusing it rules out "billion laughs" and external entities. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat are always arrays, so readers never guess between one and many. */
const REPEATED = new Set(['key', 'graph', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue', 'option']);

export function parseXml(bytes: Uint8Array, fileName: string): XmlNode {
	const { text } = decodeText(bytes, fileName);
	if (text.trim() === '') throw fileError('empty_file', `"${fileName}" is empty.`);
	if (DOCTYPE.test(text)) {
		throw fileError('unsafe_xml', `"${fileName}" declares a DOCTYPE or entities; Kartta does not read such XML (it could expand without limit).`);
	}
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		throw fileError('malformed_xml', `"${fileName}" is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`, [
			{ sheet: fileName, row: valid.err.line, column: null, code: 'malformed_xml', message: valid.err.msg }
		]);
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		attributesGroupName: '$',
		textNodeName: '#text',
		removeNSPrefix: false,
		processEntities: false,
		htmlEntities: false,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		isArray: (name) => REPEATED.has(name.replace(/^.*:/, ''))
	});
	return parser.parse(text) as XmlNode;
}

/** An element's attributes (empty when it has none). */
export function attrs(node: unknown): Record<string, string> {
	if (typeof node !== 'object' || node === null) return {};
	const group = (node as XmlNode).$;
	return typeof group === 'object' && group !== null ? (group as Record<string, string>) : {};
}

export function children(node: unknown, name: string): XmlNode[] {
	if (typeof node !== 'object' || node === null) return [];
	const value = (node as XmlNode)[name];
	if (Array.isArray(value)) return value.map((child) => (typeof child === 'object' && child !== null ? child : { '#text': child }) as XmlNode);
	if (value === undefined) return [];
	return [(typeof value === 'object' && value !== null ? value : { '#text': value }) as XmlNode];
}

/** Text content of an element; nested markup (yEd's graphics) gives null. */
export function textOf(node: unknown): string | null {
	if (typeof node === 'string') return node;
	if (typeof node !== 'object' || node === null) return null;
	const text = (node as XmlNode)['#text'];
	const others = Object.keys(node).filter((key) => key !== '#text' && key !== '$');
	if (others.length > 0) return null;
	return typeof text === 'string' ? text : text === undefined ? '' : String(text);
}

/** Decodes the five predefined XML entities and character references (processEntities is off, so nothing else expands). */
export function unescapeXml(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
		const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
		if (entity[0] !== '#') return named[entity.toLowerCase()]!;
		const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
		return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
	});
}

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes markup and also tab and line breaks, which XML parsers would otherwise normalise inside attributes. */
export function escapeXml(text: string): string {
	return xmlSafe(text).replace(/[<>&"'\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR); dropped on export. */
export function xmlSafe(text: string): string {
	return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
