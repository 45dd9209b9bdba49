// Plans the elements sheet: each row matched to an actor (ID, Business ID, name + town) and turned into a create, update or refusal.
import {
	MAX_ID_LENGTH,
	parseBusinessId,
	validateActorInput,
	validateActorPatch,
	validateCustomValue,
	type ActorInput,
	type ActorKind,
	type ActorPatch,
	type ActorView,
	type MapSnapshot,
	type Position
} from '$lib/map';
import { looseKey } from './cells';
import { mapValue } from './values';
import type { PlanCatalog } from './plan-catalog';
import type { ResolvedColumns } from './plan-columns';
import { RowReader, changedPart, withoutBlanks } from './plan-rows';
import type { PlanWrites } from './plan-types';
import type { ImportMapping, RowOutcome, SourceRow } from './types';

/** Ids from other tools are kept when they could be Kartta ids: short, no spaces, no list separator. */
export function isUsableId(text: string): boolean {
	return text.length > 0 && text.length <= MAX_ID_LENGTH && !/[\s|]/.test(text);
}

/** An actor the file defines, for resolving links: null when its row was refused. */
export interface FileActor {
	actorId: string | null;
}

/** Where links look up their endpoints: the file's IDs and labels, and the map's actors. */
export interface ActorDirectory {
	byFileId: Map<string, FileActor>;
	byFileLabel: Map<string, FileActor[]>;
	existingIds: Set<string>;
	existingByLabel: Map<string, string[]>;
}

interface Claim {
	id: string;
	planned: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

const nameRegionKey = (name: string, region: string) => `${looseKey(name)}\u0000${looseKey(region)}`;

/** The actor-side state of one plan: indexes of the map's actors plus what earlier rows planned. */
export class ActorPlanner {
	private readonly byId = new Map<string, Claim>();
	private readonly byBusinessId = new Map<string, Claim>();
	private readonly byNameRegion = new Map<string, Claim[]>();
	private readonly byName = new Map<string, Claim[]>();
	private readonly claimed = new Set<string>();
	private readonly existing = new Map<string, ActorView>();
	private readonly regionNames = new Map<string, string>();
	readonly directory: ActorDirectory = { byFileId: new Map(), byFileLabel: new Map(), existingIds: new Set(), existingByLabel: new Map() };
	/** New actors without a position in the file, placed on a grid once all rows are planned. */
	readonly unplaced: ActorInput[] = [];

	constructor(
		private readonly snapshot: MapSnapshot,
		private readonly columns: ResolvedColumns,
		private readonly mapping: ImportMapping,
		private readonly catalog: PlanCatalog,
		private readonly writes: PlanWrites,
		private readonly newId: () => string,
		private readonly now: number,
		private readonly sheet: string
	) {
		for (const region of snapshot.regions) this.regionNames.set(region.id, region.name);
		for (const actor of snapshot.actors) {
			this.existing.set(actor.id, actor);
			this.index(actor.id, false, actor.businessId, actor.name, actor.region ? (this.regionNames.get(actor.region) ?? '') : '');
			this.directory.existingIds.add(actor.id);
			push(this.directory.existingByLabel, looseKey(actor.name), actor.id);
		}
	}

	private index(id: string, planned: boolean, businessId: string | undefined, name: string, region: string): void {
		const claim = { id, planned };
		this.byId.set(id, claim);
		if (businessId && !this.byBusinessId.has(businessId)) this.byBusinessId.set(businessId, claim);
		push(this.byNameRegion, nameRegionKey(name, region), claim);
		push(this.byName, looseKey(name), claim);
	}

	/**
	 * ID, then Business ID, then name + town (name alone when the file has no town column and the
	 * name is unique). A row with its own ID is never taken for an earlier row of the same file by
	 * Business ID or name: the file says they are different actors.
	 */
	private match(idText: string, businessId: string | undefined, name: string, region: string | undefined) {
		const byId = idText === '' ? undefined : this.byId.get(idText);
		if (byId) return { claim: byId, by: 'id' as const };
		const eligible = (claim: Claim) => !(claim.planned && isUsableId(idText));
		const byBusinessId = businessId ? this.byBusinessId.get(businessId) : undefined;
		if (byBusinessId && eligible(byBusinessId)) return { claim: byBusinessId, by: 'businessId' as const };
		const all = region === undefined ? this.byName.get(looseKey(name)) : this.byNameRegion.get(nameRegionKey(name, region));
		const candidates = all?.filter(eligible) ?? [];
		if (candidates.length > 0 && (region !== undefined || candidates.length === 1)) {
			const free = candidates.find((c) => !this.claimed.has(c.id)) ?? candidates[0]!;
			return { claim: free, by: 'nameAndRegion' as const };
		}
		return null;
	}

	private register(idText: string, label: string, actorId: string | null): void {
		const entry = { actorId };
		if (idText !== '' && !this.directory.byFileId.has(idText)) this.directory.byFileId.set(idText, entry);
		if (label !== '') push(this.directory.byFileLabel, looseKey(label), entry);
	}

	/** The kind a cell gives: its mapped value, the default kind for an unmapped one, undefined when blank. */
	private readKind(reader: RowReader): ActorKind | undefined {
		const text = reader.text('kind');
		if (text === undefined || text === '') return undefined;
		const value = mapValue(this.mapping.values, 'actorKind', text);
		if (value !== undefined) return value;
		if (this.mapping.defaultActorKind) return this.mapping.defaultActorKind;
		reader.fail('kind', 'unmapped_value', `"${text}" is not mapped to an actor kind.`);
		return undefined;
	}

	/** Reads the row's fields as a patch: undefined = column not mapped (or blank kind), null = blank (remove). */
	private readFields(reader: RowReader): ActorPatch {
		const resolvedKind = this.readKind(reader);
		const regionName = reader.text('region');
		let region: string | null | undefined = regionName === undefined ? undefined : null;
		if (regionName) {
			const found = this.catalog.regions.find(regionName);
			if (found.ok) region = found.id;
			else reader.fieldErrors(found.errors.map((e) => ({ ...e, field: 'region' })));
		}
		const sectorNames = reader.list('sectors');
		let sectors: string[] | null | undefined = sectorNames === undefined ? undefined : sectorNames.length === 0 ? null : [];
		for (const name of sectorNames ?? []) {
			const found = this.catalog.sectors.find(name);
			if (found.ok) sectors!.push(found.id);
			else reader.fieldErrors(found.errors.map((e) => ({ ...e, field: 'sectors' })));
		}
		const x = reader.number('x');
		const y = reader.number('y');
		let pos: Position | undefined;
		if (typeof x === 'number' && typeof y === 'number') pos = { x, y };
		else if ((x === null) !== (y === null) && x !== undefined && y !== undefined) reader.fail('x', 'invalid_value', 'A position needs both X and Y.');
		const text = (target: string) => {
			const value = reader.text(target);
			return value === undefined ? undefined : value === '' ? null : value;
		};
		const tags = reader.list('tags');
		return {
			name: reader.text('name') ?? '',
			kind: resolvedKind,
			region,
			pos,
			description: text('description'),
			roles: reader.choiceList('roles', 'role'),
			sectors,
			businessId: text('businessId'),
			sizeClass: reader.choice('sizeClass', 'sizeClass'),
			website: text('website'),
			tags: tags === undefined ? undefined : tags.length === 0 ? null : tags,
			custom: reader.custom()
		};
	}

	plan(row: SourceRow): RowOutcome {
		const reader = new RowReader(this.sheet, row, this.columns, this.mapping);
		const fields = this.readFields(reader);
		const idText = reader.text('id') ?? '';
		const label = fields.name ?? '';
		const parsedBusinessId = fields.businessId ? parseBusinessId(fields.businessId) : null;
		const businessId = parsedBusinessId?.ok ? parsedBusinessId.value : undefined;
		const regionName = reader.text('region');
		const found = this.match(idText, businessId, label, regionName);
		const outcome: RowOutcome = { sheet: this.sheet, row: row.row, action: 'refused', label, errors: reader.errors };
		if (found && this.claimed.has(found.claim.id)) {
			reader.fail(null, 'duplicate_row', `An earlier row already ${found.claim.planned ? 'creates' : 'updates'} this actor (matched by ${found.by}).`);
		}
		if (found && !found.claim.planned && reader.errors.length === 0) this.planUpdate(reader, found.claim.id, fields, outcome, found.by);
		else if (!found && reader.errors.length === 0) this.planCreate(reader, idText, fields, outcome, businessId, regionName);
		if (outcome.action === 'refused') {
			delete outcome.id;
			delete outcome.matchedBy;
			this.register(idText, label, null);
		}
		return outcome;
	}

	private planCreate(reader: RowReader, idText: string, fields: ActorPatch, outcome: RowOutcome, businessId: string | undefined, regionName: string | undefined): void {
		const kind = fields.kind ?? this.mapping.defaultActorKind ?? undefined;
		if (kind === undefined) {
			reader.fail('kind', 'required', 'The actor has no kind: fill in its Type or choose a default kind.');
			return;
		}
		const input = withoutBlanks({ ...fields, kind, custom: undefined }) as ActorInput;
		const custom = withoutBlanks(fields.custom ?? {});
		if (Object.keys(custom).length > 0) input.custom = custom;
		const checked = validateActorInput(input);
		if (!checked.ok) {
			reader.fieldErrors(checked.errors, { pos: 'x' });
			return;
		}
		const id = isUsableId(idText) && !this.byId.has(idText) && !this.directory.existingIds.has(idText) ? idText : this.newId();
		this.index(id, true, businessId, input.name, regionName ?? '');
		this.claimed.add(id);
		this.useCatalog(input);
		this.writes.actorCreates.push({ id, createdAt: reader.row.createdAt ?? this.now, input });
		if (input.pos === undefined) this.unplaced.push(input);
		this.register(idText, input.name, id);
		Object.assign(outcome, { action: 'create', id });
	}

	private planUpdate(reader: RowReader, id: string, fields: ActorPatch, outcome: RowOutcome, by: 'id' | 'businessId' | 'nameAndRegion'): void {
		const checked = validateActorPatch(fields);
		if (!checked.ok) {
			reader.fieldErrors(checked.errors, { pos: 'x' });
			return;
		}
		const stored = this.existing.get(id)!;
		const shapes = new Map(this.columns.fields.map((f) => [f.id, f]));
		const normalise = (fieldId: string, value: unknown) => {
			const checkedValue = validateCustomValue(shapes.get(fieldId)!, value);
			return checkedValue.ok ? checkedValue.value : value;
		};
		const patch = changedPart(checked.value, stored as never, normalise);
		this.claimed.add(id);
		this.useCatalog(checked.value);
		this.register(reader.text('id') ?? '', stored.name, id);
		const changed = Object.keys(patch).length > 0;
		if (changed) {
			this.writes.actorUpdates.push({ id, patch });
			this.writes.expects.actors.push(id);
		}
		Object.assign(outcome, { action: changed ? 'update' : 'unchanged', id, matchedBy: by });
	}

	private useCatalog(fields: { region?: string | null; sectors?: readonly string[] | null }): void {
		if (fields.region) this.catalog.regions.use(fields.region);
		for (const sector of fields.sectors ?? []) this.catalog.sectors.use(sector);
	}
}
