// A map has two documents: the graph (actors, links, regions; editors write it) and the
// discussion (annotations and comments; commenters write it too). Keeping them apart lets the
// server enforce "commenters cannot change the graph" by document, not by inspecting updates.
import type { MapRole } from './storage/types';
import { isValidMapId } from './ids';

// The meeting document (a meeting's live state: slides, vote, decisions) is written by the server
// alone, through its routes; every member reads it and no role may write it.
export type DocumentKind = 'graph' | 'discussion' | 'meeting';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['graph', 'discussion', 'meeting'];

export interface DocumentAddress {
	mapId: string;
	kind: DocumentKind;
	/** The storage and room key: the map id for the graph, `<mapId>/discussion` otherwise. */
	docId: string;
}

const WRITERS: Record<DocumentKind, ReadonlySet<MapRole>> = {
	graph: new Set(['owner', 'editor']),
	discussion: new Set(['owner', 'editor', 'commenter']),
	meeting: new Set()
};

export function documentId(mapId: string, kind: DocumentKind): string {
	return kind === 'graph' ? mapId : `${mapId}/${kind}`;
}

/** Parses `<mapId>`, `<mapId>/discussion` or `<mapId>/meeting`; null for anything else. */
export function parseDocumentPath(path: string): DocumentAddress | null {
	const [mapId, kind = 'graph', extra] = path.split('/');
	if (!mapId || extra !== undefined || !isValidMapId(mapId)) return null;
	// One name per document: the graph is only ever the bare map id.
	if (path.includes('/') && kind === 'graph') return null;
	if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return null;
	const documentKind = kind as DocumentKind;
	return { mapId, kind: documentKind, docId: documentId(mapId, documentKind) };
}

export function canWriteDocument(role: MapRole, kind: DocumentKind): boolean {
	return WRITERS[kind].has(role);
}
