// Validation of sectors, custom field definitions, saved views and custom values by field type.
import { describe, it, expect } from 'vitest';
import {
	CUSTOM_FIELD_TYPES,
	MAX_CHOICE_OPTIONS,
	MAX_CUSTOM_TEXT_LENGTH,
	MAX_VIEW_JSON_LENGTH,
	MAX_ZOOM,
	validateCustomFieldInput,
	validateCustomFieldPatch,
	validateCustomValue,
	validateSavedViewInput,
	validateSavedViewPatch,
	validateSectorInput,
	validateSectorPatch,
	type CustomFieldShape,
	type ValidationResult
} from '$lib/map';

function codes<T>(result: ValidationResult<T>): string[] {
	return result.ok ? [] : result.errors.map(({ field, code }) => `${field}:${code}`);
}

function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
	return result.value;
}

describe('sectors', () => {
	it('accepts a sector, defaulting growth to false', () => {
		expect(valueOf(validateSectorInput({ name: ' Biotalous ' }))).toEqual({ name: 'Biotalous', growth: false });
		expect(valueOf(validateSectorInput({ name: 'ICT', growth: true, description: ' Ohjelmistot ' }))).toEqual({
			name: 'ICT',
			growth: true,
			description: 'Ohjelmistot'
		});
	});

	it.each([
		[{}, ['name:required']],
		[{ name: 'x', growth: 'yes' }, ['growth:invalid_type']],
		[{ name: 'x', colour: 'red' }, ['colour:unknown_field']]
	])('rejects the sector %j', (input, expected) => {
		expect(codes(validateSectorInput(input))).toEqual(expected);
	});

	it('patches growth and removes a description with null', () => {
		expect(valueOf(validateSectorPatch({ growth: false, description: null }))).toEqual({ growth: false, description: null });
		expect(codes(validateSectorPatch({ name: '' }))).toEqual(['name:required']);
	});
});

describe('custom field definitions', () => {
	it('accepts every type; choice types with their options, trimmed and without repeats', () => {
		for (const type of CUSTOM_FIELD_TYPES) {
			const options = type === 'choice' || type === 'multi_choice' ? [' A ', 'B', 'A'] : undefined;
			const value = valueOf(validateCustomFieldInput({ name: 'F', type, appliesTo: 'actor', options }));
			expect(value.options).toEqual(options && ['A', 'B']);
		}
	});

	it.each([
		[{ name: 'F', type: 'colour', appliesTo: 'actor' }, ['type:invalid_choice']],
		[{ name: 'F', type: 'text', appliesTo: 'region' }, ['appliesTo:invalid_choice']],
		[{ name: 'F', type: 'text' }, ['appliesTo:required']],
		[{ name: 'F', type: 'choice', appliesTo: 'actor' }, ['options:required']],
		[{ name: 'F', type: 'multi_choice', appliesTo: 'link', options: [] }, ['options:required']],
		[{ name: 'F', type: 'text', appliesTo: 'actor', options: ['a'] }, ['options:unknown_field']],
		[{ name: 'F', type: 'choice', appliesTo: 'actor', options: [1] }, ['options.0:invalid_type']],
		[{ name: 'F', type: 'choice', appliesTo: 'actor', options: Array.from({ length: MAX_CHOICE_OPTIONS + 1 }, (_, i) => `o${i}`) }, ['options:too_many']]
	])('rejects the field %j', (input, expected) => {
		expect(codes(validateCustomFieldInput(input))).toEqual(expected);
	});

	it('does not let a field move between actors and links', () => {
		const result = validateCustomFieldPatch({ appliesTo: 'link' }, { type: 'text', hasOptions: false });
		expect(codes(result)).toEqual(['appliesTo:unknown_field']);
		expect(result.ok || result.errors[0]!.message).toContain('create a new field');
	});

	it('needs options when the type becomes a choice type, unless the field already has them', () => {
		expect(codes(validateCustomFieldPatch({ type: 'choice' }, { type: 'text', hasOptions: false }))).toEqual(['options:required']);
		expect(codes(validateCustomFieldPatch({ type: 'choice' }, { type: 'text', hasOptions: true }))).toEqual([]);
		expect(valueOf(validateCustomFieldPatch({ type: 'choice', options: ['a'] }, { type: 'text', hasOptions: false }))).toEqual({
			type: 'choice',
			options: ['a']
		});
		expect(codes(validateCustomFieldPatch({ options: null }, { type: 'choice', hasOptions: true }))).toEqual(['options:required']);
		expect(codes(validateCustomFieldPatch({ options: ['x'] }, { type: 'number', hasOptions: false }))).toEqual(['options:unknown_field']);
	});

	it('keeps stored options when the type changes away from choice', () => {
		expect(valueOf(validateCustomFieldPatch({ type: 'text' }, { type: 'choice', hasOptions: true }))).toEqual({ type: 'text' });
	});
});

describe('custom values by field type', () => {
	const field = (type: CustomFieldShape['type'], options?: string[]): CustomFieldShape => ({ type, ...(options && { options }) });

	it.each([
		[field('text'), ' Hei ', 'Hei'],
		[field('number'), 1972, 1972],
		[field('number'), -0.5, -0.5],
		[field('date'), '2024-02-29', '2024-02-29'],
		[field('choice', ['pieni', 'suuri']), 'suuri', 'suuri'],
		[field('multi_choice', ['a', 'b', 'c']), ['c', ' a ', 'c'], ['c', 'a']],
		[field('url'), 'yritys.fi', 'https://yritys.fi']
	])('accepts a valid %j value %j', (definition, input, expected) => {
		expect(valueOf(validateCustomValue(definition, input))).toEqual(expected);
	});

	it.each([
		[field('text'), 5, 'invalid_type'],
		[field('text'), 't'.repeat(MAX_CUSTOM_TEXT_LENGTH + 1), 'too_long'],
		[field('number'), '1972', 'invalid_type'],
		[field('number'), Number.POSITIVE_INFINITY, 'invalid_type'],
		[field('date'), '2025-02-30', 'invalid_date'],
		[field('date'), '1.2.2025', 'invalid_date'],
		[field('date'), 20250101, 'invalid_type'],
		[field('choice', ['pieni']), 'valtava', 'invalid_choice'],
		[field('choice', ['pieni']), ['pieni'], 'invalid_type'],
		[field('multi_choice', ['a']), ['a', 'z'], 'invalid_choice'],
		[field('multi_choice', ['a']), 'a', 'invalid_type'],
		[field('multi_choice', ['a']), [1], 'invalid_type'],
		[field('url'), 'javascript:alert(1)', 'invalid_url'],
		[field('text'), { nested: true }, 'invalid_type']
	])('rejects for %j the value %j with %s', (definition, input, code) => {
		expect(codes(validateCustomValue(definition, input))).toEqual([`value:${code}`]);
	});

	it('treats null, blank text and an empty list as removal', () => {
		for (const input of [null, '', '  ', []]) expect(valueOf(validateCustomValue(field('text'), input))).toBeNull();
		expect(valueOf(validateCustomValue(field('multi_choice', ['a']), []))).toBeNull();
	});
});

describe('saved views', () => {
	const viewport = { zoom: 1.5, pan: { x: -20, y: 40 } };

	it('accepts a view, copies its JSON and defaults filter and style to {}', () => {
		const filter = { kinds: ['company'], growthOnly: true };
		const value = valueOf(validateSavedViewInput({ name: 'Yritykset', filter, layout: 'fcose', viewport }));
		expect(value).toEqual({ name: 'Yritykset', filter, style: {}, layout: 'fcose', viewport });
		filter.kinds.push('rdi');
		expect(value.filter).toEqual({ kinds: ['company'], growthOnly: true });
	});

	it.each([
		[{ name: 'V', filter: [1] }, ['filter:invalid_type']],
		[{ name: 'V', style: { colour: new Date() } }, ['style:invalid_type']],
		[{ name: 'V', filter: { big: 'x'.repeat(MAX_VIEW_JSON_LENGTH) } }, ['filter:too_large']],
		[{ name: 'V', viewport: { zoom: 0, pan: { x: 0, y: 0 } } }, ['viewport.zoom:out_of_range']],
		[{ name: 'V', viewport: { zoom: MAX_ZOOM * 2, pan: { x: 0, y: 0 } } }, ['viewport.zoom:out_of_range']],
		[{ name: 'V', viewport: { zoom: 1 } }, ['viewport:invalid_type']],
		[{ name: 'V', viewport: { zoom: 1, pan: { x: Number.NaN, y: 0 } } }, ['viewport.pan.x:invalid_number']],
		[{ name: 'V', layout: 7 }, ['layout:invalid_type']],
		[{ filter: {} }, ['name:required']]
	])('rejects the view %j', (input, expected) => {
		expect(codes(validateSavedViewInput(input))).toEqual(expected);
	});

	it('patches only what is given; null removes the layout and viewport', () => {
		expect(valueOf(validateSavedViewPatch({ layout: null, viewport: null }))).toEqual({ layout: null, viewport: null });
		expect(valueOf(validateSavedViewPatch({ style: { a: 1 } }))).toEqual({ style: { a: 1 } });
	});
});
