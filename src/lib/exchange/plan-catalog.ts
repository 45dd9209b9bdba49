// The catalogue side of a plan: regions and sectors found by name or planned as new, with the ids Kartta JSON asks for when they are free.
import { validateRegionInput, validateSectorInput, type FieldError, type MapSnapshot } from '$lib/map';
import { looseKey } from './cells';
import type { PlannedRegion, PlannedSector } from './plan-types';
import type { SourceCatalog } from './types';

type Found = { ok: true; id: string } | { ok: false; errors: FieldError[] };

/** Ids must be unique within their map; the file's id is used only when nothing there has it yet. */
function pickId(wanted: string | undefined, taken: Set<string>, newId: () => string): string {
	const id = wanted !== undefined && wanted !== '' && !taken.has(wanted) ? wanted : newId();
	taken.add(id);
	return id;
}

/** One named catalogue (regions or sectors): existing entries by name, new ones planned once per name. */
class NamedEntries<P extends { id: string; name: string }> {
	private readonly byName = new Map<string, string>();
	private readonly taken: Set<string>;
	private readonly planned = new Map<string, P>();
	private readonly used = new Set<string>();
	readonly existingUsed = new Set<string>();

	constructor(
		existing: { id: string; name: string }[],
		private readonly validate: (name: string) => FieldError[],
		private readonly make: (id: string, name: string) => P,
		private readonly wantedId: (name: string) => string | undefined,
		private readonly newId: () => string
	) {
		for (const entry of existing) if (!this.byName.has(looseKey(entry.name))) this.byName.set(looseKey(entry.name), entry.id);
		this.taken = new Set(existing.map((entry) => entry.id));
	}

	find(name: string): Found {
		const key = looseKey(name);
		const known = this.byName.get(key);
		if (known !== undefined) return { ok: true, id: known };
		const errors = this.validate(name);
		if (errors.length > 0) return { ok: false, errors };
		const id = pickId(this.wantedId(name.trim()), this.taken, this.newId);
		this.byName.set(key, id);
		this.planned.set(id, this.make(id, name.trim()));
		return { ok: true, id };
	}

	/** Marks entries an accepted row refers to: only those (and the file's own catalogue) are created. */
	use(id: string): void {
		if (this.planned.has(id)) this.used.add(id);
		else this.existingUsed.add(id);
	}

	created(always: Set<string>): P[] {
		return [...this.planned.values()].filter((entry) => this.used.has(entry.id) || always.has(entry.id));
	}
}

function nameErrors(validate: (input: unknown) => { ok: boolean; errors?: FieldError[] }, name: string): FieldError[] {
	const result = validate({ name });
	return result.ok ? [] : (result.errors ?? []);
}

export class PlanCatalog {
	readonly regions: NamedEntries<PlannedRegion>;
	readonly sectors: NamedEntries<PlannedSector>;
	/** Entries the file's own catalogue lists: created even when no row uses them (a full-fidelity JSON round trip). */
	private readonly listed = { regions: new Set<string>(), sectors: new Set<string>() };

	constructor(snapshot: MapSnapshot, catalog: SourceCatalog | undefined, newId: () => string) {
		const regionIds = catalog?.regionIds ?? {};
		const sectorHints = new Map((catalog?.sectors ?? []).map((s) => [looseKey(s.name), s]));
		this.regions = new NamedEntries<PlannedRegion>(
			snapshot.regions,
			(name) => nameErrors(validateRegionInput as never, name),
			(id, name) => ({ id, name }),
			(name) => regionIds[name],
			newId
		);
		// A sector is checked with the description and growth flag the file gives it, as addSector will.
		const sectorInput = (name: string) => {
			const hint = sectorHints.get(looseKey(name));
			return { name, growth: hint?.growth ?? false, ...(hint?.description && { description: hint.description }) };
		};
		this.sectors = new NamedEntries<PlannedSector>(
			snapshot.sectors,
			(name) => {
				const result = validateSectorInput(sectorInput(name));
				return result.ok ? [] : result.errors;
			},
			(id, name) => ({ id, ...sectorInput(name) }),
			(name) => sectorHints.get(looseKey(name))?.id,
			newId
		);
		for (const name of catalog?.regions ?? []) {
			const found = this.regions.find(name);
			if (found.ok) this.listed.regions.add(found.id);
		}
		for (const { name } of catalog?.sectors ?? []) {
			const found = this.sectors.find(name);
			if (found.ok) this.listed.sectors.add(found.id);
		}
	}

	newRegions(): PlannedRegion[] {
		return this.regions.created(this.listed.regions);
	}

	newSectors(): PlannedSector[] {
		return this.sectors.created(this.listed.sectors);
	}
}
