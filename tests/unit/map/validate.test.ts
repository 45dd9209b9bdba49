// Every input validation rule of the map model, one behaviour per test.
import { describe, it, expect } from 'vitest';
import {
	ACTOR_KINDS,
	FIELD_ERROR_CODES,
	LINK_KINDS,
	MAX_COORDINATE,
	MAX_DESCRIPTION_LENGTH,
	MAX_ID_LENGTH,
	MAX_NAME_LENGTH,
	MAX_TITLE_LENGTH,
	isActorKind,
	isLinkKind,
	validateActorInput,
	validateActorPatch,
	validateLinkInput,
	validateLinkPatch,
	validatePosition,
	validateRegionInput,
	validateRegionPatch,
	validateTitle,
	type FieldError,
	type ValidationResult
} from '$lib/map';

function codes<T>(result: ValidationResult<T>): { field: string; code: string }[] {
	if (result.ok) return [];
	return result.errors.map(({ field, code }) => ({ field, code }));
}

function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
	return result.value;
}

const validActor = { name: 'Raahen Teräsrakenne Oy', kind: 'company' } as const;
const validLink = { source: 'a', target: 'b', kind: 'rdi_project' } as const;

describe('validateActorInput', () => {
	it('accepts a minimal actor and trims the name', () => {
		expect(valueOf(validateActorInput({ name: '  Oy Esimerkki Ab  ', kind: 'company' }))).toEqual({
			name: 'Oy Esimerkki Ab',
			kind: 'company'
		});
	});

	it('accepts every actor kind', () => {
		for (const kind of ACTOR_KINDS) expect(validateActorInput({ name: 'x', kind }).ok).toBe(true);
	});

	it('keeps region, position and a trimmed description', () => {
		const value = valueOf(
			validateActorInput({ ...validActor, region: 'r1', pos: { x: 1.5, y: -2 }, description: ' Hitsaus. ' })
		);
		expect(value).toEqual({ ...validActor, region: 'r1', pos: { x: 1.5, y: -2 }, description: 'Hitsaus.' });
	});

	it.each([
		['missing', undefined, 'required'],
		['null', null, 'required'],
		['empty', '', 'required'],
		['blank', '   \t', 'required'],
		['a number', 42, 'invalid_type'],
		['an object', { fi: 'Nimi' }, 'invalid_type'],
		['too long', 'n'.repeat(MAX_NAME_LENGTH + 1), 'too_long']
	])('rejects a name that is %s', (_label, name, code) => {
		expect(codes(validateActorInput({ ...validActor, name }))).toEqual([{ field: 'name', code }]);
	});

	it('accepts a name of exactly the maximum length (measured after trimming)', () => {
		expect(validateActorInput({ ...validActor, name: ` ${'n'.repeat(MAX_NAME_LENGTH)} ` }).ok).toBe(true);
	});

	it.each([
		['missing', undefined, 'required'],
		['empty', '', 'required'],
		['unknown', 'spaceship', 'invalid_kind'],
		['a link kind', 'rdi_project', 'invalid_kind'],
		['wrongly cased', 'Company', 'invalid_kind'],
		['a number', 3, 'invalid_kind']
	])('rejects a kind that is %s', (_label, kind, code) => {
		expect(codes(validateActorInput({ ...validActor, kind }))).toEqual([{ field: 'kind', code }]);
	});

	it('treats a null or empty region as no region', () => {
		expect(valueOf(validateActorInput({ ...validActor, region: null }))).not.toHaveProperty('region');
		expect(valueOf(validateActorInput({ ...validActor, region: '' }))).not.toHaveProperty('region');
	});

	it.each([
		['a number', 7, 'invalid_type'],
		['too long', 'r'.repeat(MAX_ID_LENGTH + 1), 'too_long']
	])('rejects a region id that is %s', (_label, region, code) => {
		expect(codes(validateActorInput({ ...validActor, region }))).toEqual([{ field: 'region', code }]);
	});

	it('treats a blank description as none', () => {
		expect(valueOf(validateActorInput({ ...validActor, description: '   ' }))).not.toHaveProperty('description');
	});

	it.each([
		['a number', 12, 'invalid_type'],
		['too long', 'd'.repeat(MAX_DESCRIPTION_LENGTH + 1), 'too_long']
	])('rejects a description that is %s', (_label, description, code) => {
		expect(codes(validateActorInput({ ...validActor, description }))).toEqual([{ field: 'description', code }]);
	});

	it('accepts a description of exactly the maximum length', () => {
		expect(validateActorInput({ ...validActor, description: 'd'.repeat(MAX_DESCRIPTION_LENGTH) }).ok).toBe(true);
	});

	it('rejects a misspelt field instead of dropping it silently', () => {
		expect(codes(validateActorInput({ ...validActor, descripton: 'typo' }))).toEqual([
			{ field: 'descripton', code: 'unknown_field' }
		]);
	});

	it.each([
		['null', null],
		['an array', [validActor]],
		['a string', 'company'],
		['a class instance', new Date()]
	])('rejects an input that is %s', (_label, input) => {
		expect(codes(validateActorInput(input))[0]).toEqual({ field: '', code: 'invalid_type' });
	});

	it('reports every problem at once', () => {
		expect(codes(validateActorInput({ name: '', kind: 'x', pos: { x: 'a', y: 2e6 } }))).toEqual([
			{ field: 'name', code: 'required' },
			{ field: 'kind', code: 'invalid_kind' },
			{ field: 'pos.x', code: 'invalid_number' },
			{ field: 'pos.y', code: 'out_of_range' }
		]);
	});
});

describe('validatePosition', () => {
	it('accepts coordinates on the bound and copies only x and y', () => {
		expect(valueOf(validatePosition({ x: MAX_COORDINATE, y: -MAX_COORDINATE, z: 3 }))).toEqual({
			x: MAX_COORDINATE,
			y: -MAX_COORDINATE
		});
	});

	it('turns -0 into 0 so equal positions compare equal', () => {
		expect(Object.is(valueOf(validatePosition({ x: -0, y: 0 })).x, 0)).toBe(true);
	});

	it.each([
		['a string', 'garbage'],
		['null', null],
		['an array', [1, 2]],
		['missing', undefined]
	])('rejects a position that is %s', (_label, pos) => {
		expect(codes(validatePosition(pos))).toEqual([{ field: 'pos', code: 'invalid_type' }]);
	});

	it.each([
		['a string', '5', 'invalid_number'],
		['NaN', Number.NaN, 'invalid_number'],
		['Infinity', Number.POSITIVE_INFINITY, 'invalid_number'],
		['missing', undefined, 'invalid_number'],
		['beyond the bound', MAX_COORDINATE + 1, 'out_of_range'],
		['beyond the negative bound', -MAX_COORDINATE - 0.5, 'out_of_range']
	])('rejects a coordinate that is %s', (_label, x, code) => {
		expect(codes(validatePosition({ x, y: 0 }))).toEqual([{ field: 'pos.x', code }]);
	});

	it('names the field after the caller', () => {
		expect(codes(validatePosition({ x: 0, y: 'no' }, 'positions.abc'))).toEqual([
			{ field: 'positions.abc.y', code: 'invalid_number' }
		]);
	});
});

describe('validateActorPatch', () => {
	it('accepts an empty patch', () => {
		expect(valueOf(validateActorPatch({}))).toEqual({});
	});

	it('turns null, blank or empty optional fields into removals', () => {
		expect(valueOf(validateActorPatch({ region: null, description: '  ' }))).toEqual({
			region: null,
			description: null
		});
		expect(valueOf(validateActorPatch({ region: '' }))).toEqual({ region: null });
	});

	it('ignores keys whose value is undefined', () => {
		expect(valueOf(validateActorPatch({ name: undefined, kind: 'rdi' }))).toEqual({ kind: 'rdi' });
	});

	it.each([
		[{ name: null }, 'name', 'required'],
		[{ name: ' ' }, 'name', 'required'],
		[{ name: 'n'.repeat(MAX_NAME_LENGTH + 1) }, 'name', 'too_long'],
		[{ kind: 'spaceship' }, 'kind', 'invalid_kind'],
		[{ region: 5 }, 'region', 'invalid_type'],
		[{ pos: { x: 1 } }, 'pos.y', 'invalid_number'],
		[{ description: 'd'.repeat(MAX_DESCRIPTION_LENGTH + 1) }, 'description', 'too_long'],
		[{ createdAt: 5 }, 'createdAt', 'unknown_field']
	])('rejects %j', (patch, field, code) => {
		expect(codes(validateActorPatch(patch))).toEqual([{ field, code }]);
	});
});

describe('validateLinkInput and validateLinkPatch', () => {
	it('accepts every link kind', () => {
		for (const kind of LINK_KINDS) expect(validateLinkInput({ ...validLink, kind }).ok).toBe(true);
	});

	it('keeps a trimmed description and drops a blank one', () => {
		expect(valueOf(validateLinkInput({ ...validLink, description: ' Hanke ' })).description).toBe('Hanke');
		expect(valueOf(validateLinkInput({ ...validLink, description: '' }))).not.toHaveProperty('description');
	});

	it.each([
		[{ source: undefined }, 'source', 'required'],
		[{ target: '' }, 'target', 'required'],
		[{ source: 1 }, 'source', 'invalid_type'],
		[{ target: 't'.repeat(MAX_ID_LENGTH + 1) }, 'target', 'too_long'],
		[{ kind: 'company' }, 'kind', 'invalid_kind'],
		[{ kind: undefined }, 'kind', 'required'],
		[{ target: 'a' }, 'target', 'self_link'],
		[{ weight: 3 }, 'weight', 'unknown_field']
	])('rejects a link with %j', (change, field, code) => {
		expect(codes(validateLinkInput({ ...validLink, ...change }))).toEqual([{ field, code }]);
	});

	it('rejects a patch that sets both ends to the same actor', () => {
		expect(codes(validateLinkPatch({ source: 'x', target: 'x' }))).toEqual([{ field: 'target', code: 'self_link' }]);
	});

	it('accepts a patch that changes one end or removes the description', () => {
		expect(valueOf(validateLinkPatch({ target: 'c', description: null }))).toEqual({ target: 'c', description: null });
	});

	it('rejects an unknown kind in a patch', () => {
		expect(codes(validateLinkPatch({ kind: 'friendship' }))).toEqual([{ field: 'kind', code: 'invalid_kind' }]);
	});
});

describe('validateRegionInput, validateRegionPatch and validateTitle', () => {
	it('accepts and trims a region name', () => {
		expect(valueOf(validateRegionInput({ name: ' Rauma ' }))).toEqual({ name: 'Rauma' });
	});

	it.each([
		[{}, 'name', 'required'],
		[{ name: 'n'.repeat(MAX_NAME_LENGTH + 1) }, 'name', 'too_long'],
		[{ name: 'Rauma', colour: 'red' }, 'colour', 'unknown_field']
	])('rejects region %j', (input, field, code) => {
		expect(codes(validateRegionInput(input))).toEqual([{ field, code }]);
	});

	it('rejects clearing a region name in a patch', () => {
		expect(codes(validateRegionPatch({ name: '' }))).toEqual([{ field: 'name', code: 'required' }]);
	});

	it('treats null and blank titles as no title', () => {
		expect(valueOf(validateTitle(null))).toBeNull();
		expect(valueOf(validateTitle('  '))).toBeNull();
		expect(valueOf(validateTitle(' Kartta '))).toBe('Kartta');
	});

	it.each([
		['too long', 't'.repeat(MAX_TITLE_LENGTH + 1), 'too_long'],
		['a number', 5, 'invalid_type'],
		['undefined', undefined, 'invalid_type']
	])('rejects a title that is %s', (_label, title, code) => {
		expect(codes(validateTitle(title))).toEqual([{ field: 'title', code }]);
	});
});

describe('error shape', () => {
	it('gives every error a known code and a plain English message', () => {
		const result = validateActorInput({ name: 5, kind: 'x', region: 3, pos: 'p', description: 4, extra: 1 });
		expect(result.ok).toBe(false);
		const errors: FieldError[] = result.ok ? [] : result.errors;
		expect(errors).toHaveLength(6);
		for (const error of errors) {
			expect(FIELD_ERROR_CODES).toContain(error.code);
			expect(error.message).toMatch(/^[A-Z].*\.$/);
		}
	});

	it('recognises kinds with the type guards', () => {
		expect(isActorKind('rdi')).toBe(true);
		expect(isActorKind('rdi_project')).toBe(false);
		expect(isLinkKind('rdi_project')).toBe(true);
		expect(isLinkKind('rdi')).toBe(false);
		expect(isActorKind(undefined)).toBe(false);
	});
});
