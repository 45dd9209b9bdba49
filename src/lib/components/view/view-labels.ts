// The words of the view tools: attribute, layout and shortcut names, and the names the style mapping puts in labels and the legend.
import { m } from '$lib/paraglide/messages';
import type { CustomFieldView } from '$lib/map';
import type { StyleNames } from '$lib/editor/view/style-mapping';
import { metricOf, type ActorAttribute, type LinkColourAttribute } from '$lib/editor/view/view-state';
import { metricName } from '$lib/components/analysis/metric-labels';
import type { LayoutName } from '$lib/editor/layout/names';
import type { ShortcutEntry } from '$lib/components/editor/shortcuts';
import { actorKindName, linkKindName } from '$lib/components/editor/labels';

const ROLE_NAMES: Record<string, () => string> = {
	orchestrator: m.vocab_role_orchestrator,
	leader: m.vocab_role_leader,
	complementor: m.vocab_role_complementor,
	supplier: m.vocab_role_supplier,
	user: m.vocab_role_user,
	expert: m.vocab_role_expert,
	funder: m.vocab_role_funder,
	regulator: m.vocab_role_regulator
};

const STATUS_NAMES: Record<string, () => string> = {
	existing: m.vocab_status_existing,
	planned: m.vocab_status_planned,
	gap: m.vocab_status_gap
};

/** A value from a newer client is shown as stored. */
export const roleText = (role: string): string => ROLE_NAMES[role]?.() ?? role;
export const statusText = (status: string): string => STATUS_NAMES[status]?.() ?? status;

export const styleNames: StyleNames = {
	actorKind: actorKindName,
	linkKind: linkKindName,
	status: statusText,
	role: roleText,
	growth: (growth) => (growth ? m.style_growth_yes() : m.style_growth_no()),
	none: () => m.style_none_value(),
	other: () => m.style_other_value(),
	range: (from, to) => m.style_range({ from: String(from), to: String(to) })
};

const ATTRIBUTE_NAMES: Record<string, () => string> = {
	none: m.style_attr_none,
	kind: m.style_attr_kind,
	region: m.style_attr_region,
	sector: m.style_attr_sector,
	growth: m.style_attr_growth,
	role: m.style_attr_role,
	sizeClass: m.style_attr_size_class,
	degree: m.style_attr_degree,
	name: m.style_attr_name,
	tags: m.style_attr_tags,
	businessId: m.style_attr_business_id
};

/** A built-in attribute's name, or a custom field's own name. */
export function attributeName(attribute: ActorAttribute | string, fields: readonly CustomFieldView[] = []): string {
	if (attribute.startsWith('custom:')) return fields.find((field) => field.id === attribute.slice(7))?.name ?? attribute.slice(7);
	const metric = metricOf(attribute);
	if (metric !== null) return metricName(metric);
	return ATTRIBUTE_NAMES[attribute]?.() ?? attribute;
}

const LINK_COLOUR_NAMES: Record<LinkColourAttribute, () => string> = {
	kind: m.style_link_by_kind,
	status: m.style_link_by_status,
	strength: m.style_link_by_strength,
	none: m.style_attr_none
};

export const linkColourName = (attribute: LinkColourAttribute): string => LINK_COLOUR_NAMES[attribute]();

const LAYOUT_TEXT: Record<LayoutName, () => string> = {
	fcose: m.layout_fcose,
	regions: m.layout_regions,
	concentric: m.layout_concentric,
	grid: m.layout_grid
};

export const layoutName = (name: LayoutName): string => LAYOUT_TEXT[name]();

const SHORTCUT_TEXT: Record<ShortcutEntry['id'], () => string> = {
	help: m.shortcut_help,
	search: m.shortcut_search,
	multiSelect: m.shortcut_multi_select,
	boxSelectDrag: m.shortcut_box_select_drag,
	boxSelect: m.shortcut_box_select,
	selectAll: m.shortcut_select_all,
	clearSelection: m.shortcut_clear_selection,
	fit: m.shortcut_fit,
	zoomIn: m.shortcut_zoom_in,
	zoomOut: m.shortcut_zoom_out,
	copy: m.shortcut_copy,
	moveMany: m.shortcut_move_many,
	paste: m.shortcut_paste,
	duplicate: m.shortcut_duplicate,
	delete: m.shortcut_delete,
	undo: m.shortcut_undo,
	redo: m.shortcut_redo
};

export const shortcutText = (id: ShortcutEntry['id']): string => SHORTCUT_TEXT[id]();

const KEY_TEXT: Record<string, () => string> = {
	Control: m.shortcut_key_ctrl,
	Shift: m.shortcut_key_shift,
	Delete: m.shortcut_key_delete,
	Escape: m.shortcut_key_escape,
	click: m.shortcut_key_click,
	drag: m.shortcut_key_drag
};

export const keyName = (key: string): string => KEY_TEXT[key]?.() ?? key;
