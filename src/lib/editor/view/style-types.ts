// The style mapping's types: translated names it needs, the map data it reads, and the looks and legend it produces.
import type { ActorView, CustomFieldView, LinkView, RegionView, SectorView } from '$lib/map';
import type { LegendShape } from '../shapes';
import type { LinkArrow, LinkLineStyle } from '../style';
import type { ActorAttribute } from './view-state';

/** Translated names; the editor code carries no language of its own. */
export interface StyleNames {
	actorKind(kind: string): string;
	linkKind(kind: string): string;
	status(status: string): string;
	role(role: string): string;
	growth(isGrowth: boolean): string;
	/** "No region", "No sector", ... */
	none(): string;
	/** Categories past the palette's end. */
	other(): string;
	range(from: number, to: number): string;
}

/** Actor id -> metric name -> value, from the latest network analysis (computed elsewhere: the view layer only reads numbers). */
export type ActorMetricValues = ReadonlyMap<string, Readonly<Record<string, number>>>;

export interface MapData {
	actors: readonly ActorView[];
	links: readonly LinkView[];
	regions: readonly RegionView[];
	sectors: readonly SectorView[];
	fields: readonly CustomFieldView[];
	/** For `metric:<name>` attributes; absent until an analysis has run (every actor then has no value). */
	metrics?: ActorMetricValues;
}

export interface ActorVisual {
	colour: string;
	shape: LegendShape;
	size: number;
	label: string;
}

export interface LinkVisual {
	colour: string;
	line: LinkLineStyle;
	sourceArrow: LinkArrow;
	targetArrow: LinkArrow;
	width: number;
	label: string;
}

export interface LegendCategory {
	key: string;
	label: string;
	colour?: string;
	shape?: LegendShape;
	count: number;
}

export interface LegendLinkEntry {
	key: string;
	label: string;
	colour: string;
	line: LinkLineStyle;
	arrow: LinkArrow;
	width: number;
}

export interface StyleLegend {
	/** Colour and shape share one list when they show the same attribute. */
	colour: { attribute: ActorAttribute; categories: LegendCategory[] } | null;
	shape: { attribute: ActorAttribute; categories: LegendCategory[] } | null;
	size: { attribute: ActorAttribute; min: number; max: number; minSize: number; maxSize: number } | null;
	linkColour: { attribute: string; entries: LegendLinkEntry[] } | null;
	linkStatus: LegendLinkEntry[];
	linkWidth: LegendLinkEntry[];
}

export interface StyledMap {
	actors: Map<string, ActorVisual>;
	links: Map<string, LinkVisual>;
	legend: StyleLegend;
}
