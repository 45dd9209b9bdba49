// What an import plan carries for applyImportPlan beyond the preview: plain data only, so the plan survives postMessage from a Web Worker.
import type { ActorInput, ActorPatch, CustomFieldType, LinkInput, LinkPatch, SavedViewInput } from '$lib/map';
import type { ImportPlan } from './types';

export interface PlannedRegion {
	id: string;
	name: string;
}

export interface PlannedSector {
	id: string;
	name: string;
	growth: boolean;
	description?: string;
}

export interface PlannedField {
	id: string;
	name: string;
	type: CustomFieldType;
	appliesTo: 'actor' | 'link';
	options?: string[];
}

export interface PlannedActorCreate {
	id: string;
	createdAt: number;
	input: ActorInput;
}

export interface PlannedUpdate<P> {
	id: string;
	patch: P;
}

export interface PlannedLinkCreate {
	id: string;
	createdAt: number;
	input: LinkInput;
}

/** Everything the plan will write, in the order it is written (catalogue first, so elements can refer to it). */
export interface PlanWrites {
	title: string | null;
	regions: PlannedRegion[];
	sectors: PlannedSector[];
	fields: PlannedField[];
	views: (SavedViewInput & { id: string })[];
	actorCreates: PlannedActorCreate[];
	actorUpdates: PlannedUpdate<ActorPatch>[];
	linkCreates: PlannedLinkCreate[];
	linkUpdates: PlannedUpdate<LinkPatch>[];
	/** Existing elements the plan relies on; if one is gone when applying, the map changed since the preview. */
	expects: { actors: string[]; links: string[]; regions: string[]; sectors: string[]; fields: string[] };
}

/** The plan as planImport makes it. `writes` is not part of the public contract: only applyImportPlan reads it. */
export interface PlanWithWrites extends ImportPlan {
	writes: PlanWrites;
}

export function emptyWrites(): PlanWrites {
	return {
		title: null,
		regions: [],
		sectors: [],
		fields: [],
		views: [],
		actorCreates: [],
		actorUpdates: [],
		linkCreates: [],
		linkUpdates: [],
		expects: { actors: [], links: [], regions: [], sectors: [], fields: [] }
	};
}

export function writesOf(plan: ImportPlan): PlanWrites | null {
	const writes = (plan as Partial<PlanWithWrites>).writes;
	return writes && Array.isArray(writes.actorCreates) ? writes : null;
}
