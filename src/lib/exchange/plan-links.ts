// Plans the connections sheet: endpoints found by ID or label, `To: a|b` split into several links, each matched by ID or by endpoints and kind.
import {
	validateCustomValue,
	validateLinkInput,
	validateLinkPatch,
	type LinkInput,
	type LinkKind,
	type LinkPatch,
	type LinkView,
	type MapSnapshot,
	type YearRange
} from '$lib/map';
import { looseKey } from './cells';
import { isUsableId, type ActorDirectory } from './plan-actors';
import type { ResolvedColumns } from './plan-columns';
import { RowReader, changedPart, withoutBlanks } from './plan-rows';
import type { PlanWrites } from './plan-types';
import type { ImportMapping, RowOutcome, SourceRow } from './types';
import { mapValue } from './values';

type Endpoint = { ok: true; id: string } | { ok: false; code: string; message: string };

const endpointKey = (source: string, target: string, kind: string) => `${source}\u0000${target}\u0000${kind}`;

export class LinkPlanner {
	private readonly existing = new Map<string, LinkView>();
	private readonly byEndpoints = new Map<string, string[]>();
	private readonly planned = new Set<string>();
	private readonly plannedKeys = new Set<string>();
	private readonly claimed = new Set<string>();

	constructor(
		snapshot: MapSnapshot,
		private readonly directory: ActorDirectory,
		private readonly columns: ResolvedColumns,
		private readonly mapping: ImportMapping,
		private readonly writes: PlanWrites,
		private readonly newId: () => string,
		private readonly now: number,
		private readonly sheet: string
	) {
		for (const link of snapshot.links) {
			this.existing.set(link.id, link);
			const key = endpointKey(link.source, link.target, link.kind);
			this.byEndpoints.set(key, [...(this.byEndpoints.get(key) ?? []), link.id]);
		}
	}

	/** By the file's ID, the map's id, then by label (in the file first, then in the map). */
	private resolve(text: string): Endpoint {
		const fileActor = this.directory.byFileId.get(text);
		if (fileActor) return fileActor.actorId ? { ok: true, id: fileActor.actorId } : refused(text);
		if (this.directory.existingIds.has(text)) return { ok: true, id: text };
		const fromFile = this.directory.byFileLabel.get(looseKey(text));
		if (fromFile) {
			const ids = [...new Set(fromFile.map((a) => a.actorId).filter((id): id is string => id !== null))];
			if (ids.length === 1) return { ok: true, id: ids[0]! };
			if (ids.length === 0) return refused(text);
			return { ok: false, code: 'ambiguous_endpoint', message: `Several actors are called "${text}"; refer to one by its ID.` };
		}
		const inMap = this.directory.existingByLabel.get(looseKey(text)) ?? [];
		if (inMap.length === 1) return { ok: true, id: inMap[0]! };
		if (inMap.length > 1) return { ok: false, code: 'ambiguous_endpoint', message: `Several actors in the map are called "${text}"; refer to one by its ID.` };
		return { ok: false, code: 'unknown_endpoint', message: `There is no actor "${text}" in the file or the map.` };
	}

	private readKind(reader: RowReader): LinkKind | undefined {
		const text = reader.text('kind');
		if (text === undefined || text === '') return undefined;
		const value = mapValue(this.mapping.values, 'linkKind', text);
		if (value !== undefined) return value;
		if (this.mapping.defaultLinkKind) return this.mapping.defaultLinkKind;
		reader.fail('kind', 'unmapped_value', `"${text}" is not mapped to a link kind.`);
		return undefined;
	}

	private readFields(reader: RowReader): Omit<LinkPatch, 'source' | 'target'> {
		const text = (target: string) => {
			const value = reader.text(target);
			return value === undefined ? undefined : value === '' ? null : value;
		};
		const from = reader.number('yearFrom');
		const to = reader.number('yearTo');
		let years: YearRange | null | undefined;
		if (from !== undefined || to !== undefined) {
			years = from == null && to == null ? null : { ...(from != null && { from }), ...(to != null && { to }) };
		}
		return {
			kind: this.readKind(reader),
			description: text('description'),
			strength: reader.number('strength'),
			direction: reader.choice('direction', 'direction'),
			status: reader.choice('status', 'status'),
			years,
			evidence: text('evidence'),
			custom: reader.custom()
		};
	}

	/** One outcome per link: a row with `To: a|b` (or `From: a|b`) plans a link for each pair. */
	plan(row: SourceRow): RowOutcome[] {
		const reader = new RowReader(this.sheet, row, this.columns, this.mapping);
		const fields = this.readFields(reader);
		const sources = reader.list('source') ?? [];
		const targets = reader.list('target') ?? [];
		if (sources.length === 0) reader.fail('source', 'required', 'The link has no From.');
		if (targets.length === 0) reader.fail('target', 'required', 'The link has no To.');
		const kind = fields.kind ?? this.mapping.defaultLinkKind ?? undefined;
		if (kind === undefined && reader.errors.length === 0) {
			reader.fail('kind', 'required', 'The link has no kind: fill in its Type or choose a default kind.');
		}
		const label = `${sources.join(' | ')} → ${targets.join(' | ')}`;
		if (reader.errors.length > 0 || kind === undefined) {
			return [{ sheet: this.sheet, row: row.row, action: 'refused', label, errors: reader.errors }];
		}
		const single = sources.length === 1 && targets.length === 1;
		const idText = single ? (reader.text('id') ?? '') : '';
		const outcomes: RowOutcome[] = [];
		for (const sourceText of sources) {
			for (const targetText of targets) {
				outcomes.push(this.planPair(row, { ...fields, kind }, sourceText, targetText, idText));
			}
		}
		return outcomes;
	}

	private planPair(row: SourceRow, fields: Omit<LinkPatch, 'source' | 'target'> & { kind: LinkKind }, sourceText: string, targetText: string, idText: string): RowOutcome {
		const reader = new RowReader(this.sheet, row, this.columns, this.mapping);
		const outcome: RowOutcome = { sheet: this.sheet, row: row.row, action: 'refused', label: `${sourceText} → ${targetText}`, errors: reader.errors };
		const source = this.resolve(sourceText);
		const target = this.resolve(targetText);
		if (!source.ok) reader.fail('source', source.code, source.message);
		if (!target.ok) reader.fail('target', target.code, target.message);
		if (!source.ok || !target.ok) return outcome;
		const key = endpointKey(source.id, target.id, fields.kind);
		const byId = idText !== '' && this.existing.has(idText) ? idText : undefined;
		const byEndpoints = byId ? undefined : (this.byEndpoints.get(key) ?? []).find((id) => !this.claimed.has(id));
		const match = byId ?? byEndpoints;
		// Without an ID, a second link with the same ends and kind is taken for a repeat; with one, only a repeated ID is.
		const repeated = idText !== '' ? this.planned.has(idText) : this.plannedKeys.has(key);
		if ((match === undefined && repeated) || (byId !== undefined && this.claimed.has(byId))) {
			reader.fail(null, 'duplicate_row', 'An earlier row already imports this link.');
			return outcome;
		}
		if (match !== undefined) {
			this.planUpdate(reader, match, { ...fields, source: source.id, target: target.id }, outcome, byId ? 'id' : 'endpoints');
			return outcome;
		}
		const input = withoutBlanks({ ...fields, source: source.id, target: target.id, custom: undefined }) as LinkInput;
		const custom = withoutBlanks(fields.custom ?? {});
		if (Object.keys(custom).length > 0) input.custom = custom;
		const checked = validateLinkInput(input);
		if (!checked.ok) {
			reader.fieldErrors(checked.errors, { years: 'yearFrom', 'years.from': 'yearFrom', 'years.to': 'yearTo' });
			return outcome;
		}
		const id = isUsableId(idText) && !this.planned.has(idText) && !this.existing.has(idText) ? idText : this.newId();
		this.planned.add(id);
		this.plannedKeys.add(key);
		this.writes.linkCreates.push({ id, createdAt: row.createdAt ?? this.now, input });
		return Object.assign(outcome, { action: 'create' as const, id });
	}

	private planUpdate(reader: RowReader, id: string, fields: LinkPatch, outcome: RowOutcome, by: 'id' | 'endpoints'): void {
		const checked = validateLinkPatch(fields);
		if (!checked.ok) {
			reader.fieldErrors(checked.errors, { years: 'yearFrom', 'years.from': 'yearFrom', 'years.to': 'yearTo' });
			return;
		}
		const shapes = new Map(this.columns.fields.map((f) => [f.id, f]));
		const normalise = (fieldId: string, value: unknown) => {
			const result = validateCustomValue(shapes.get(fieldId)!, value);
			return result.ok ? result.value : value;
		};
		const patch = changedPart(checked.value, this.existing.get(id)! as never, normalise);
		this.claimed.add(id);
		const changed = Object.keys(patch).length > 0;
		if (changed) {
			this.writes.linkUpdates.push({ id, patch });
			this.writes.expects.links.push(id);
		}
		Object.assign(outcome, { action: changed ? 'update' : 'unchanged', id, matchedBy: by });
	}
}

function refused(text: string): Endpoint {
	return { ok: false, code: 'endpoint_refused', message: `The actor "${text}" is refused in this import, so its links are too.` };
}
