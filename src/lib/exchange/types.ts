// The import/export contract: what parsers return, how columns and values map onto the map schema, and what an import plan and its result hold (pure types).
import type { ActorKind, LinkKind, MapSnapshot } from '$lib/map';
import type { ActorRole, CustomFieldType, LinkDirection, LinkStatus, SizeClass } from '$lib/map';
import type { SavedViewInput } from '$lib/map';

/** Formats a file can be read from. PNG and SVG are export-only and made in the browser. */
export const IMPORT_FORMATS = ['xlsx', 'csv', 'graphml', 'gexf', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv', 'json', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One cell as read from a file, before any mapping. Formula cells never get here: they are refused with a RowError. */
export type Cell = string | number | boolean | null;

/** A row as read: `row` is the 1-based row number the user sees in the file (the header row is 1 in a sheet). */
export interface SourceRow {
	row: number;
	values: Record<string, Cell>;
	/** Exact lists (column -> items) when the format has real lists (Kartta JSON); otherwise cells are split on the separator. */
	lists?: Record<string, string[]>;
	/** Kartta JSON only: the actor's or link's creation time, kept when it is created. */
	createdAt?: number;
}

/** One sheet (or its equivalent: GraphML/GEXF nodes or edges, a CSV file) with its column names in file order. */
export interface SourceSheet {
	name: string;
	columns: string[];
	rows: SourceRow[];
}

/** What a format carries beyond cells (GEXF/GraphML attribute types, Kartta JSON's catalogue), used as hints by the planner. */
export interface SourceCatalog {
	/** `id`: kept on create when free (Kartta JSON); `column`: the column holding the values when it is not `name`. */
	fields?: { name: string; type: CustomFieldType; target: 'actor' | 'link'; options?: string[]; id?: string; column?: string }[];
	sectors?: { name: string; growth?: boolean; id?: string; description?: string }[];
	regions?: string[];
	/** Region name -> id to give it on create when free (Kartta JSON). */
	regionIds?: Record<string, string>;
	title?: string;
	/** Saved views (Kartta JSON): created when no view has that id. */
	views?: (SavedViewInput & { id: string })[];
}

/**
 * Every format is read into this one shape (elements and connections in Kumu's sense), so one
 * mapping step serves all formats. Graph formats name their columns with canonical names
 * (see CANONICAL_COLUMNS in mapping.ts) so that the default mapping needs no help.
 */
export interface ImportSource {
	format: ImportFormat;
	elements: SourceSheet;
	/** Null when the file has no connections (e.g. a CSV of elements only). */
	connections: SourceSheet | null;
	catalog?: SourceCatalog;
}

/** Where a problem is: sheet, row (1-based as in the file; 0 = the file as a whole), column (null = the whole row). */
export interface RowError {
	sheet: string;
	row: number;
	column: string | null;
	/** Stable code for the UI to translate (e.g. 'missing_column', 'formula_cell', 'invalid_value'). */
	code: string;
	/** English detail for logs and API callers; the UI shows a translation of `code`. */
	message: string;
}

/** A file that cannot be read at all (wrong sheets, bad encoding, not XML...): nothing is written. */
export class ImportFileError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly errors: RowError[] = []
	) {
		super(message);
		this.name = 'ImportFileError';
	}
}

// ---- Mapping: which column means what, and which file value means which Kartta value.

export type ActorColumnTarget =
	| 'id' | 'name' | 'kind' | 'region' | 'description' | 'roles' | 'sectors' | 'businessId'
	| 'sizeClass' | 'website' | 'tags' | 'x' | 'y'
	/** An existing custom field, by id. */
	| `field:${string}`
	/** A new custom field named after the column. */
	| 'newField'
	| 'ignore';

export type LinkColumnTarget =
	| 'id' | 'source' | 'target' | 'kind' | 'description' | 'strength' | 'direction' | 'status'
	| 'yearFrom' | 'yearTo' | 'evidence'
	| `field:${string}`
	| 'newField'
	| 'ignore';

/** File value (trimmed, as written) -> Kartta value, for the enumerated fields. */
export interface ValueMapping {
	actorKind: Record<string, ActorKind>;
	role: Record<string, ActorRole>;
	sizeClass: Record<string, SizeClass>;
	linkKind: Record<string, LinkKind>;
	direction: Record<string, LinkDirection>;
	status: Record<string, LinkStatus>;
}

export interface ImportMapping {
	/** Column name -> target, for the elements sheet. Columns not named here use the default suggestion. */
	elements: Record<string, ActorColumnTarget>;
	connections: Record<string, LinkColumnTarget>;
	values: ValueMapping;
	/** Used when a row has no kind (or an unmapped one): refused when null. */
	defaultActorKind: ActorKind | null;
	defaultLinkKind: LinkKind | null;
	/** Separator of multi-valued cells (Kumu: '|'). */
	listSeparator: string;
}

// ---- The plan: computed from source + mapping + the current map, shown as the preview, then applied.

export type RowAction = 'create' | 'update' | 'unchanged' | 'refused';

export interface RowOutcome {
	sheet: string;
	row: number;
	action: RowAction;
	/** The actor's or link's id in the map (existing, or the id it will get); absent when refused. */
	id?: string;
	/** How an update found its actor: 'id', 'businessId' or 'nameAndRegion'. */
	matchedBy?: 'id' | 'businessId' | 'nameAndRegion' | 'endpoints';
	label: string;
	errors: RowError[];
}

export interface ImportSummary {
	actors: Record<RowAction, number>;
	links: Record<RowAction, number>;
	newRegions: string[];
	newSectors: string[];
	newFields: string[];
}

/** Opaque to the UI beyond `rows`, `fileErrors` and `summary`: `applyImportPlan` knows the rest. */
export interface ImportPlan {
	rows: RowOutcome[];
	/** Problems with the file as a whole (missing columns...): when any, applying writes nothing. */
	fileErrors: RowError[];
	summary: ImportSummary;
}

/** What an applied import did; the API returns it as JSON. */
export interface ImportResult {
	summary: ImportSummary;
	rows: RowOutcome[];
}

export type ProgressCallback = (done: number, total: number, phase: 'read' | 'plan' | 'write') => void;

/** What an exporter returns. */
export interface ExportFile {
	bytes: Uint8Array;
	mimeType: string;
	/** A file name without directory, e.g. `iisalmi-ecosystem.xlsx`. */
	fileName: string;
}

export type { MapSnapshot };
