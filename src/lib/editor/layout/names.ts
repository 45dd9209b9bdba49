// The layouts the editor knows, by name (apart from compute.ts so components can list them without loading Cytoscape).
export const LAYOUT_NAMES = ['fcose', 'regions', 'concentric', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
/** Saved views may name `preset`: the map's stored positions, i.e. no layout. */
export const PRESET_LAYOUT = 'preset';

export function isLayoutName(value: unknown): value is LayoutName {
	return (LAYOUT_NAMES as readonly unknown[]).includes(value);
}
