// Readers tolerate garbage in every version-2 field and catalogue: nothing throws, nothing is dropped silently, issues say what is wrong.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
	MAX_TAGS,
	readActor,
	readCustomField,
	readLink,
	readSavedView,
	readSector,
	type CustomFieldView,
	type FieldError,
	type ReadContext
} from '$lib/map';
import { replica, syncAll } from './helpers';

const codes = (issues: FieldError[]) => issues.map((issue) => `${issue.field}:${issue.code}`);

/** A nested Y.Map integrated into a doc, filled with whatever fields the test wants. */
function stored(fields: Record<string, unknown>): Y.Map<unknown> {
	const doc = new Y.Doc();
	const element = new Y.Map<unknown>();
	doc.getMap('actors').set('e', element);
	for (const [key, value] of Object.entries(fields)) element.set(key, value);
	return element;
}

const baseActor = { name: 'Oy', kind: 'company', pos: { x: 0, y: 0 }, createdAt: 1 };
const baseLink = { source: 'a', target: 'b', kind: 'funding' };
const field = (id: string, type: string, options?: string[]): CustomFieldView => ({ id, name: id, type, appliesTo: 'actor', ...(options && { options }), issues: [] });
const context = (fields: CustomFieldView[] = [], sectors: string[] = []): ReadContext => ({
	hasActor: () => true,
	hasRegion: () => true,
	hasSector: (id) => sectors.includes(id),
	customField: (id) => fields.find((f) => f.id === id)
});

describe('readActor: version-2 fields', () => {
	it('reads valid version-2 fields without issues, as copies', () => {
		const roles = ['leader'];
		const element = stored({ ...baseActor, roles, sectors: ['s1'], businessId: '0112038-9', sizeClass: '10-19', website: 'https://a.fi', tags: ['vienti'] });
		const view = readActor('a', element, context([], ['s1']));
		expect(view).toMatchObject({ roles: ['leader'], sectors: ['s1'], businessId: '0112038-9', sizeClass: '10-19', website: 'https://a.fi', tags: ['vienti'] });
		expect(view.issues).toEqual([]);
		view.roles!.push('user');
		expect(readActor('a', element).roles).toEqual(['leader']);
	});

	it.each([
		['unknown roles (kept, flagged one by one)', { roles: ['leader', 'wizard', 'king'] }, { roles: ['leader', 'wizard', 'king'] }, ['roles:invalid_choice', 'roles:invalid_choice']],
		['roles as a lone string', { roles: 'leader' }, { roles: ['leader'] }, ['roles:invalid_type']],
		['roles with non-text entries', { roles: ['leader', 5, { x: 1 }] }, { roles: ['leader', '5'] }, ['roles:invalid_type', 'roles:invalid_choice']],
		['roles as an object', { roles: { a: 1 } }, {}, ['roles:invalid_type']],
		['an empty role list', { roles: [] }, {}, []],
		['a deleted sector', { sectors: ['s1', 'gone'] }, { sectors: ['s1', 'gone'] }, ['sectors:unknown_sector']],
		['a wrong check digit', { businessId: '0112038-8' }, { businessId: '0112038-8' }, ['businessId:invalid_business_id']],
		['an unpadded Business ID', { businessId: '112038-9' }, { businessId: '112038-9' }, ['businessId:invalid_business_id']],
		['a numeric Business ID', { businessId: 1120389 }, { businessId: '1120389' }, ['businessId:invalid_type', 'businessId:invalid_business_id']],
		['an unknown size class', { sizeClass: '2-3' }, { sizeClass: '2-3' }, ['sizeClass:invalid_choice']],
		['a size class that is an object', { sizeClass: { min: 1 } }, {}, ['sizeClass:invalid_choice']],
		['a javascript: website', { website: 'javascript:alert(1)' }, { website: 'javascript:alert(1)' }, ['website:invalid_url']],
		['a website without scheme', { website: 'yritys.fi' }, { website: 'yritys.fi' }, ['website:invalid_url']],
		['too many tags', { tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) }, {}, ['tags:too_many']],
		['a tag that is too long', { tags: ['x'.repeat(500)] }, {}, ['tags:too_long']],
		['tags as a number', { tags: 7 }, {}, ['tags:invalid_type']],
		['a custom map that is a string', { custom: 'x' }, {}, ['custom:invalid_type']],
		['a custom map stored as a plain object', { custom: { n: 5 } }, { custom: { n: 5 } }, ['custom:invalid_type']]
	])('tolerates %s', (_label, fields, expected, expectedIssues) => {
		const view = readActor('a', stored({ ...baseActor, ...fields }), context([field('n', 'number')], ['s1']));
		expect(view).toMatchObject(expected);
		expect(codes(view.issues)).toEqual(expectedIssues);
		expect(view.name).toBe('Oy');
	});

	it.each([
		['a value of a deleted field', 'gone', 'x', 'x', ['custom.gone:unknown_custom_field']],
		['text where a number belongs', 'n', 'many', 'many', ['custom.n:type_mismatch']],
		['an impossible date', 'd', '2025-02-30', '2025-02-30', ['custom.d:invalid_date']],
		['a removed option', 'c', 'gone', 'gone', ['custom.c:invalid_choice']],
		['a multi-choice that is not a list', 'm', 'a', 'a', ['custom.m:type_mismatch']],
		['a multi-choice with a number in it', 'm', ['a', 3], ['a', '3'], ['custom.m:invalid_type', 'custom.m:invalid_choice']],
		['an unsafe URL', 'u', 'javascript:x', 'javascript:x', ['custom.u:invalid_url']],
		['a boolean', 't', true, 'true', ['custom.t:invalid_type']],
		['an infinite number', 'n', Number.POSITIVE_INFINITY, 'Infinity', ['custom.n:invalid_type', 'custom.n:type_mismatch']]
	])('shows a custom value that is %s, flagged', (_label, fieldId, value, shown, expectedIssues) => {
		const fields = [field('n', 'number'), field('d', 'date'), field('c', 'choice', ['a']), field('m', 'multi_choice', ['a']), field('u', 'url'), field('t', 'text')];
		const element = stored({ ...baseActor, custom: new Y.Map([[fieldId, value]]) });
		const view = readActor('a', element, context(fields));
		expect(view.custom).toEqual({ [fieldId]: shown });
		expect(codes(view.issues)).toEqual(expectedIssues);
	});

	it('drops an unshowable custom value from the view but reports it', () => {
		const element = stored({ ...baseActor, custom: new Y.Map<unknown>([['t', { nested: true }], ['y', new Uint8Array([1])]]) });
		const view = readActor('a', element, context([field('t', 'text'), field('y', 'text')]));
		expect(view).not.toHaveProperty('custom');
		expect(codes(view.issues)).toEqual(['custom.t:invalid_type', 'custom.y:invalid_type']);
	});

	it('flags a value of a field meant for links, and shows values unchecked without a field lookup', () => {
		const linkField: CustomFieldView = { ...field('l', 'text'), appliesTo: 'link' };
		const element = stored({ ...baseActor, custom: new Y.Map([['l', 'x']]) });
		expect(codes(readActor('a', element, context([linkField])).issues)).toEqual(['custom.l:unknown_custom_field']);
		expect(readActor('a', element)).toMatchObject({ custom: { l: 'x' }, issues: [] });
	});
});

describe('readLink: version-2 fields', () => {
	it.each([
		['strength 0', { strength: 0 }, { strength: 0 }, ['strength:out_of_range']],
		['strength 2.5', { strength: 2.5 }, { strength: 2.5 }, ['strength:out_of_range']],
		['strength as text', { strength: 'strong' }, {}, ['strength:invalid_number']],
		['an unknown direction', { direction: 'sideways' }, { direction: 'sideways' }, ['direction:invalid_choice']],
		['an unknown status', { status: 'dead' }, { status: 'dead' }, ['status:invalid_choice']],
		['years as a number', { years: 2020 }, {}, ['years:invalid_type']],
		['years in the wrong order', { years: { from: 2024, to: 2020 } }, { years: { from: 2024, to: 2020 } }, ['years:invalid_range']],
		['a year as text', { years: { from: '2020', to: 2021 } }, { years: { to: 2021 } }, ['years.from:invalid_number']],
		['a fractional year', { years: { from: 2020.5 } }, { years: { from: 2020.5 } }, ['years.from:out_of_range']],
		['evidence as a number', { evidence: 12 }, { evidence: '12' }, ['evidence:invalid_type']],
		['a creation time as text', { createdAt: 'yesterday' }, {}, ['createdAt:invalid_number']],
		['a custom value of an actor field', { custom: new Y.Map([['n', 1]]) }, { custom: { n: 1 } }, ['custom.n:unknown_custom_field']]
	])('tolerates %s', (_label, fields, expected, expectedIssues) => {
		const view = readLink('l', stored({ ...baseLink, ...fields }), context([field('n', 'number')]));
		expect(view).toMatchObject(expected);
		expect(codes(view.issues)).toEqual(expectedIssues);
		expect(view.dangling).toBe(false);
	});

	it('reads a version-1 link without any version-2 field as before', () => {
		expect(readLink('l', stored(baseLink), context())).toEqual({ id: 'l', ...baseLink, dangling: false, issues: [] });
	});

	it('reads a link\'s optional creation time, and does not flag its absence', () => {
		expect(readLink('l', stored({ ...baseLink, createdAt: 42 }), context())).toEqual({ id: 'l', ...baseLink, createdAt: 42, dangling: false, issues: [] });
		expect(readLink('l', stored(baseLink), context()).issues).toEqual([]);
	});
});

describe('catalogue readers', () => {
	it.each([
		['a sector without a name', readSector, {}, ['name:required']],
		['a sector with a text growth flag', readSector, { name: 'S', growth: 'yes' }, ['growth:invalid_type']],
		['a field of unknown type', readCustomField, { name: 'F', type: 'colour', appliesTo: 'actor' }, ['type:invalid_choice']],
		['a field without type or target', readCustomField, { name: 'F' }, ['type:required', 'appliesTo:required']],
		['a choice field without options', readCustomField, { name: 'F', type: 'choice', appliesTo: 'link' }, ['options:required']],
		['a field whose options are not a list', readCustomField, { name: 'F', type: 'choice', appliesTo: 'actor', options: 'a,b' }, ['options:invalid_type']],
		['a view whose filter is an array', readSavedView, { name: 'V', filter: [1, 2] }, ['filter:invalid_type']],
		['a view whose style is a Y.Map', readSavedView, { name: 'V', style: new Y.Map() }, ['style:invalid_type']],
		['a view with a broken viewport', readSavedView, { name: 'V', viewport: { zoom: 'x' } }, ['viewport:invalid_type']],
		['a view zoomed out of range', readSavedView, { name: 'V', viewport: { zoom: -1, pan: { x: 0, y: 0 } } }, ['viewport:out_of_range']],
		['a view with a huge filter', readSavedView, { name: 'V', filter: { x: 'y'.repeat(20_000) } }, ['filter:too_large']]
	])('reads %s, flagged', (_label, reader, fields, expectedIssues) => {
		const view = (reader as (id: string, value: unknown) => { issues: FieldError[] })('x', stored(fields));
		expect(codes(view.issues)).toEqual(expectedIssues);
	});

	it('keeps unknown field types and targets verbatim', () => {
		expect(readCustomField('f', stored({ name: 'F', type: 'colour', appliesTo: 'region' }))).toMatchObject({ type: 'colour', appliesTo: 'region' });
	});

	it.each([['a string', 'x'], ['a number', 3], ['null', null], ['a Y.Array', new Y.Array()]])(
		'turns a catalogue entry that is %s into an invalid view instead of throwing',
		(_label, value) => {
			expect(codes(readSector('s', value).issues)).toContain(':invalid_type');
			expect(codes(readCustomField('f', value).issues)).toContain(':invalid_type');
			expect(readSavedView('v', value)).toMatchObject({ filter: {}, style: {} });
		}
	);
});

describe('MapModel over version-2 garbage written by another client', () => {
	it('lists every element and catalogue entry and builds a JSON snapshot without throwing', () => {
		const vandal = new Y.Doc();
		vandal.transact(() => {
			const actor = new Y.Map<unknown>();
			vandal.getMap('actors').set('a', actor);
			for (const [key, value] of Object.entries({ ...baseActor, roles: [1, null], sectors: 'x', businessId: {}, website: 5, tags: [[]], custom: 9 })) {
				actor.set(key, value);
			}
			vandal.getMap('sectors').set('s', 'not a sector');
			vandal.getMap('fields').set('f', { name: 'plain', type: 'text', appliesTo: 'actor' });
			const view = new Y.Map<unknown>();
			vandal.getMap('views').set('v', view);
			view.set('filter', new Uint8Array([1]));
		});
		const { doc, model } = replica();
		syncAll(vandal, doc);
		const snapshot = model.snapshot();
		expect(snapshot.actors).toHaveLength(1);
		expect(snapshot.sectors.map((s) => s.id)).toEqual(['s']);
		expect(snapshot.fields.map((f) => f.id)).toEqual(['f']);
		expect(snapshot.views[0]).toMatchObject({ id: 'v', filter: {}, style: {} });
		expect(codes(snapshot.actors[0]!.issues)).toEqual(
			expect.arrayContaining(['roles:invalid_type', 'sectors:invalid_type', 'businessId:invalid_type', 'website:invalid_type', 'tags:invalid_type', 'custom:invalid_type'])
		);
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		expect(model.cleanup()).toMatchObject({ sectors: 0, customValues: 0 });
	});
});
