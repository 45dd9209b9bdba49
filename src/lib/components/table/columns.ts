// The actors table's and the links table's columns: what each shows, how it sorts, and how an edit is written through the session.
import { m } from '$lib/paraglide/messages';
import {
	ACTOR_KINDS,
	ACTOR_ROLES,
	DEFAULT_LINK_DIRECTION,
	DEFAULT_LINK_STATUS,
	LINK_DIRECTIONS,
	LINK_KINDS,
	LINK_STATUSES,
	MAX_DESCRIPTION_LENGTH,
	MAX_EVIDENCE_LENGTH,
	MAX_LINK_STRENGTH,
	MAX_NAME_LENGTH,
	MIN_LINK_STRENGTH,
	SIZE_CLASSES,
	isCustomFieldType,
	isValidWebUrl,
	type ActorKind,
	type ActorPatch,
	type ActorRole,
	type ActorView,
	type CustomFieldView,
	type CustomValue,
	type FieldError,
	type LinkDirection,
	type LinkKind,
	type LinkPatch,
	type LinkStatus,
	type LinkView,
	type MapModel,
	type SizeClass
} from '$lib/map';
import {
	actorKindName,
	businessIdErrorText,
	directionName,
	errorText,
	linkKindName,
	linkStatusName,
	roleName,
	sizeClassName,
	strengthName
} from '$lib/components/editor/labels';
import { issuesOf } from '$lib/components/fields/issues';
import { customValueDraft, customValueText, listText, parseListInput, parseNumberInput } from './format';
import { searchText } from './rows';
import type { CellEditorSpec, ChoiceOption, Draft, EditResult, GridColumn } from './grid-types';

/** What columns need from the editor session (kept narrow, so columns are easy to reason about). */
export interface ColumnContext {
	edit(action: (model: MapModel) => void): EditResult;
	regions: readonly { id: string; name: string }[];
	sectors: readonly { id: string; name: string; growth: boolean }[];
	fields: readonly CustomFieldView[];
	/** Actor id -> name, for links' ends. */
	actorNames: ReadonlyMap<string, string>;
	locale: string;
}

const text = (draft: Draft): string => (typeof draft === 'string' ? draft : draft.join(', '));
const orNull = (draft: Draft): string | null => text(draft).trim() || null;
const invalidNumber = (): EditResult => ({ ok: false, errors: [{ field: '', code: 'invalid_number', message: 'Not a number.' }] });
const options = <T extends string>(values: readonly T[], name: (value: T) => string): ChoiceOption[] => values.map((value) => ({ value, label: name(value) }));

/** The kind column of actors and links: shown and sorted by the kind's name in the user's language, edited by choosing one of the kinds. */
function kindColumn<Row extends { kind: string; issues: FieldError[] }, Kind extends string>(spec: {
	label: string;
	width: string;
	kinds: readonly Kind[];
	name: (kind: string) => string;
	save: (row: Row, kind: Kind) => EditResult;
}): GridColumn<Row> {
	return {
		key: 'kind',
		label: spec.label,
		width: spec.width,
		sortValue: (row) => spec.name(row.kind),
		text: (row) => spec.name(row.kind),
		issues: (row) => issuesOf(row.issues, 'kind'),
		editor: { type: 'select', options: options(spec.kinds, spec.name) },
		draft: (row) => row.kind,
		commit: (row, draft) => spec.save(row, text(draft) as Kind)
	};
}

/** Custom fields become columns of their own, edited with their type's control. */
function customColumn<Row extends { id: string; custom?: Record<string, CustomValue>; issues: FieldError[] }>(
	field: CustomFieldView,
	kind: 'actor' | 'link',
	context: ColumnContext
): GridColumn<Row> {
	const value = (row: Row) => row.custom?.[field.id];
	const choices = (field.options ?? []).map((option) => ({ value: option, label: option }));
	const spec: CellEditorSpec | undefined = !isCustomFieldType(field.type)
		? undefined
		: field.type === 'choice'
			? { type: 'select', options: choices, empty: m.fields_not_set() }
			: field.type === 'multi_choice'
				? { type: 'multi', options: choices }
				: field.type === 'number' || field.type === 'date' || field.type === 'url'
					? { type: field.type }
					: { type: 'text' };
	return {
		key: `custom.${field.id}`,
		label: field.name,
		width: field.type === 'multi_choice' || field.type === 'text' || field.type === 'url' ? '12rem' : '9rem',
		sortValue: (row) => {
			const stored = value(row);
			return stored === undefined ? null : typeof stored === 'number' ? stored : Array.isArray(stored) ? stored.join(', ') : stored;
		},
		text: (row) => customValueText(field.type, value(row), context.locale),
		href: field.type === 'url' ? (row) => {
			const stored = value(row);
			return typeof stored === 'string' && isValidWebUrl(stored) && issuesOf(row.issues, `custom.${field.id}`).length === 0 ? stored : undefined;
		} : undefined,
		issues: (row) => issuesOf(row.issues, `custom.${field.id}`),
		editor: spec,
		draft: (row) => customValueDraft(value(row)),
		commit: (row, draft) => {
			let next: string | number | string[] | null;
			if (field.type === 'number') {
				next = parseNumberInput(text(draft));
				if (Number.isNaN(next)) return invalidNumber();
			} else next = Array.isArray(draft) ? draft : orNull(draft);
			return context.edit((model) => model.setCustomValue(kind, row.id, field.id, next));
		}
	};
}

export function actorColumns(context: ColumnContext): GridColumn<ActorView>[] {
	const update = (row: ActorView, patch: ActorPatch) => context.edit((model) => model.updateActor(row.id, patch));
	const regionName = (id: string | undefined) => (id ? (context.regions.find((region) => region.id === id)?.name ?? m.vocab_unknown_value({ value: id })) : '');
	const sectorName = (id: string) => context.sectors.find((sector) => sector.id === id)?.name ?? m.vocab_unknown_value({ value: id });
	const sectorsText = (row: ActorView) => listText(row.sectors, sectorName);
	const rolesText = (row: ActorView) => listText(row.roles, roleName);

	const columns: GridColumn<ActorView>[] = [
		{
			key: 'name',
			label: m.editor_field_name(),
			rowHeader: true,
			width: '14rem',
			sortValue: (row) => row.name,
			text: (row) => row.name,
			issues: (row) => issuesOf(row.issues, 'name'),
			editor: { type: 'text', maxLength: MAX_NAME_LENGTH },
			commit: (row, draft) => update(row, { name: text(draft) })
		},
		kindColumn({ label: m.editor_field_kind(), width: '10rem', kinds: ACTOR_KINDS, name: actorKindName, save: (row: ActorView, kind: ActorKind) => update(row, { kind }) }),
		{
			key: 'roles',
			label: m.fields_roles(),
			width: '11rem',
			sortValue: rolesText,
			text: rolesText,
			issues: (row) => issuesOf(row.issues, 'roles'),
			editor: { type: 'multi', options: options(ACTOR_ROLES, roleName) },
			draft: (row) => (row.roles ?? []).filter((role) => (ACTOR_ROLES as readonly string[]).includes(role)),
			commit: (row, draft) => update(row, { roles: (Array.isArray(draft) ? draft : []) as ActorRole[] })
		},
		{
			key: 'region',
			label: m.editor_field_region(),
			width: '9rem',
			sortValue: (row) => regionName(row.region),
			text: (row) => regionName(row.region),
			issues: (row) => issuesOf(row.issues, 'region'),
			editor: { type: 'select', options: context.regions.map((region) => ({ value: region.id, label: region.name })), empty: m.editor_no_region() },
			draft: (row) => row.region ?? '',
			commit: (row, draft) => update(row, { region: orNull(draft) })
		},
		{
			key: 'sectors',
			label: m.fields_sectors(),
			width: '12rem',
			sortValue: sectorsText,
			text: sectorsText,
			issues: (row) => issuesOf(row.issues, 'sectors'),
			editor: {
				type: 'multi',
				options: context.sectors.map((sector) => ({ value: sector.id, label: sector.growth ? `${sector.name} (${m.fields_growth_sector()})` : sector.name }))
			},
			draft: (row) => (row.sectors ?? []).filter((id) => context.sectors.some((sector) => sector.id === id)),
			commit: (row, draft) => update(row, { sectors: Array.isArray(draft) ? draft : [] })
		},
		{
			key: 'businessId',
			label: m.fields_business_id(),
			width: '8.5rem',
			sortValue: (row) => row.businessId ?? null,
			text: (row) => row.businessId ?? '',
			issues: (row) => issuesOf(row.issues, 'businessId'),
			editor: { type: 'text', maxLength: 20 },
			commit: (row, draft) => update(row, { businessId: orNull(draft) }),
			errorText: (errors, draft) =>
				errors.map((error) => (error.code === 'invalid_business_id' ? businessIdErrorText(text(draft)) : errorText(error))).join(' ')
		},
		{
			key: 'sizeClass',
			label: m.fields_size_class(),
			width: '9rem',
			// By size, not alphabetically: "10–19" comes after "5–9".
			sortValue: (row) => (row.sizeClass === undefined ? null : (SIZE_CLASSES as readonly string[]).indexOf(row.sizeClass)),
			text: (row) => (row.sizeClass ? sizeClassName(row.sizeClass) : ''),
			issues: (row) => issuesOf(row.issues, 'sizeClass'),
			editor: { type: 'select', options: options(SIZE_CLASSES, sizeClassName), empty: m.fields_not_set() },
			draft: (row) => row.sizeClass ?? '',
			commit: (row, draft) => update(row, { sizeClass: orNull(draft) as SizeClass | null })
		},
		{
			key: 'website',
			label: m.fields_website(),
			width: '12rem',
			sortValue: (row) => row.website ?? null,
			text: (row) => row.website ?? '',
			href: (row) => (row.website && isValidWebUrl(row.website) && issuesOf(row.issues, 'website').length === 0 ? row.website : undefined),
			issues: (row) => issuesOf(row.issues, 'website'),
			editor: { type: 'url' },
			commit: (row, draft) => update(row, { website: orNull(draft) })
		},
		{
			key: 'tags',
			label: m.fields_tags(),
			width: '11rem',
			sortValue: (row) => listText(row.tags),
			text: (row) => listText(row.tags),
			issues: (row) => issuesOf(row.issues, 'tags'),
			editor: { type: 'tags' },
			commit: (row, draft) => update(row, { tags: parseListInput(text(draft)) })
		},
		{
			key: 'description',
			label: m.editor_field_description(),
			width: '16rem',
			sortValue: (row) => row.description ?? null,
			text: (row) => row.description ?? '',
			issues: (row) => issuesOf(row.issues, 'description'),
			editor: { type: 'text', maxLength: MAX_DESCRIPTION_LENGTH },
			commit: (row, draft) => update(row, { description: orNull(draft) })
		}
	];
	for (const field of context.fields) if (field.appliesTo === 'actor') columns.push(customColumn<ActorView>(field, 'actor', context));
	return columns;
}

export function linkColumns(context: ColumnContext): GridColumn<LinkView>[] {
	const update = (row: LinkView, patch: LinkPatch) => context.edit((model) => model.updateLink(row.id, patch));
	const nameOf = (id: string) => context.actorNames.get(id) ?? m.vocab_unknown_value({ value: id });
	const actorOptions = [...context.actorNames].map(([value, label]) => ({ value, label }));
	const strengths = Array.from({ length: MAX_LINK_STRENGTH - MIN_LINK_STRENGTH + 1 }, (_, i) => String(MIN_LINK_STRENGTH + i));
	/** `years` is one value: an edit of one end writes both, keeping the other as stored. */
	const saveYear = (row: LinkView, end: 'from' | 'to', draft: Draft): EditResult => {
		const year = parseNumberInput(text(draft));
		if (Number.isNaN(year)) return invalidNumber();
		const years = { ...row.years, [end]: year ?? undefined };
		const empty = years.from === undefined && years.to === undefined;
		return update(row, { years: empty ? null : years });
	};
	const endColumn = (end: 'source' | 'target', label: string): GridColumn<LinkView> => ({
		key: end,
		label,
		rowHeader: end === 'source',
		width: '13rem',
		sortValue: (row) => nameOf(row[end]),
		text: (row) => nameOf(row[end]),
		issues: (row) => issuesOf(row.issues, end),
		editor: { type: 'select', options: actorOptions },
		draft: (row) => row[end],
		commit: (row, draft) => update(row, { [end]: text(draft) })
	});

	const columns: GridColumn<LinkView>[] = [
		endColumn('source', m.table_link_from()),
		endColumn('target', m.table_link_to()),
		kindColumn({ label: m.editor_link_kind(), width: '11rem', kinds: LINK_KINDS, name: linkKindName, save: (row: LinkView, kind: LinkKind) => update(row, { kind }) }),
		{
			key: 'strength',
			label: m.fields_strength(),
			width: '8rem',
			sortValue: (row) => row.strength ?? null,
			text: (row) => (row.strength === undefined ? '' : strengthName(row.strength)),
			issues: (row) => issuesOf(row.issues, 'strength'),
			editor: { type: 'select', options: strengths.map((value) => ({ value, label: strengthName(Number(value)) })), empty: m.fields_not_set() },
			draft: (row) => (row.strength === undefined ? '' : String(row.strength)),
			commit: (row, draft) => update(row, { strength: orNull(draft) === null ? null : Number(text(draft)) })
		},
		{
			key: 'direction',
			label: m.fields_direction(),
			width: '9rem',
			sortValue: (row) => directionName(row.direction ?? DEFAULT_LINK_DIRECTION),
			text: (row) => directionName(row.direction ?? DEFAULT_LINK_DIRECTION),
			issues: (row) => issuesOf(row.issues, 'direction'),
			editor: { type: 'select', options: options(LINK_DIRECTIONS, directionName) },
			draft: (row) => row.direction ?? DEFAULT_LINK_DIRECTION,
			commit: (row, draft) => update(row, { direction: text(draft) as LinkDirection })
		},
		{
			key: 'status',
			label: m.fields_status(),
			width: '8rem',
			sortValue: (row) => linkStatusName(row.status ?? DEFAULT_LINK_STATUS),
			text: (row) => linkStatusName(row.status ?? DEFAULT_LINK_STATUS),
			issues: (row) => issuesOf(row.issues, 'status'),
			editor: { type: 'select', options: options(LINK_STATUSES, linkStatusName) },
			draft: (row) => row.status ?? DEFAULT_LINK_STATUS,
			commit: (row, draft) => update(row, { status: text(draft) as LinkStatus })
		},
		{
			key: 'years.from',
			label: m.fields_year_from(),
			width: '6.5rem',
			sortValue: (row) => row.years?.from ?? null,
			text: (row) => (row.years?.from === undefined ? '' : String(row.years.from)),
			issues: (row) => [...issuesOf(row.issues, 'years.from'), ...row.issues.filter((issue) => issue.field === 'years')],
			editor: { type: 'number' },
			commit: (row, draft) => saveYear(row, 'from', draft),
			errorText: (errors) => errors.map(errorText).join(' ')
		},
		{
			key: 'years.to',
			label: m.fields_year_to(),
			width: '6.5rem',
			sortValue: (row) => row.years?.to ?? null,
			text: (row) => (row.years?.to === undefined ? '' : String(row.years.to)),
			issues: (row) => issuesOf(row.issues, 'years.to'),
			editor: { type: 'number' },
			commit: (row, draft) => saveYear(row, 'to', draft)
		},
		{
			key: 'evidence',
			label: m.fields_evidence(),
			width: '14rem',
			sortValue: (row) => row.evidence ?? null,
			text: (row) => row.evidence ?? '',
			issues: (row) => issuesOf(row.issues, 'evidence'),
			editor: { type: 'text', maxLength: MAX_EVIDENCE_LENGTH },
			commit: (row, draft) => update(row, { evidence: orNull(draft) })
		},
		{
			key: 'description',
			label: m.editor_field_description(),
			width: '16rem',
			sortValue: (row) => row.description ?? null,
			text: (row) => row.description ?? '',
			issues: (row) => issuesOf(row.issues, 'description'),
			editor: { type: 'text', maxLength: MAX_DESCRIPTION_LENGTH },
			commit: (row, draft) => update(row, { description: orNull(draft) })
		}
	];
	for (const field of context.fields) if (field.appliesTo === 'link') columns.push(customColumn<LinkView>(field, 'link', context));
	return columns;
}

/** Every column's text, lower-cased once per row: what the table's text filter searches. */
export function rowSearchText<Row>(columns: readonly GridColumn<Row>[], locale: string): (row: Row) => string {
	const cache = new WeakMap<object, string>();
	return (row) => {
		const key = row as object;
		let text = cache.get(key);
		if (text === undefined) {
			text = searchText(columns.map((column) => column.text(row)).join(' \u0000 '), locale);
			cache.set(key, text);
		}
		return text;
	};
}
