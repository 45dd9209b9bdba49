// Input validation of the version-2 fields: actor roles, sectors, Business ID, size class, website and tags; link qualities.
import { describe, it, expect } from 'vitest';
import {
	ACTOR_ROLES,
	FIELD_ERROR_CODES,
	LINK_DIRECTIONS,
	LINK_STATUSES,
	MAX_ACTOR_SECTORS,
	MAX_EVIDENCE_LENGTH,
	MAX_TAGS,
	MAX_TAG_LENGTH,
	SIZE_CLASSES,
	validateActorInput,
	validateActorPatch,
	validateLinkInput,
	validateLinkPatch,
	type ValidationResult
} from '$lib/map';

function codes<T>(result: ValidationResult<T>): string[] {
	return result.ok ? [] : result.errors.map(({ field, code }) => `${field}:${code}`);
}

function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
	return result.value;
}

const actor = { name: 'Raahen Teräsrakenne Oy', kind: 'company' } as const;
const link = { source: 'a', target: 'b', kind: 'rdi_project' } as const;

describe('actor fields of schema version 2', () => {
	it('accepts a fully described actor and normalises each field', () => {
		const value = valueOf(
			validateActorInput({
				...actor,
				roles: ['leader', 'supplier', 'leader'],
				sectors: ['s1', 's2', 's1'],
				businessId: ' 112038-9 ',
				sizeClass: '250-499',
				website: 'www.raahenteras.example',
				tags: [' vienti ', 'Vienti', '', 'vihreä siirtymä'],
				custom: { f1: 1972, f2: null }
			})
		);
		expect(value).toEqual({
			...actor,
			roles: ['leader', 'supplier'],
			sectors: ['s1', 's2'],
			businessId: '0112038-9',
			sizeClass: '250-499',
			website: 'https://www.raahenteras.example',
			tags: ['vienti', 'vihreä siirtymä'],
			custom: { f1: 1972, f2: null }
		});
	});

	it('accepts every role and size class', () => {
		expect(validateActorInput({ ...actor, roles: [...ACTOR_ROLES] }).ok).toBe(true);
		for (const sizeClass of SIZE_CLASSES) expect(validateActorInput({ ...actor, sizeClass }).ok).toBe(true);
	});

	it('leaves empty lists and blank texts out of a new actor', () => {
		expect(valueOf(validateActorInput({ ...actor, roles: [], tags: ['  '], businessId: '', website: ' ', sizeClass: '' }))).toEqual(actor);
	});

	it.each([
		[{ roles: ['boss'] }, ['roles.0:invalid_choice']],
		[{ roles: 'leader' }, ['roles:invalid_type']],
		[{ sectors: [5] }, ['sectors.0:invalid_type']],
		[{ sectors: ['s'.repeat(65)] }, ['sectors.0:too_long']],
		[{ sectors: Array.from({ length: MAX_ACTOR_SECTORS + 1 }, (_, i) => `s${i}`) }, ['sectors:too_many']],
		[{ businessId: '0112038-8' }, ['businessId:invalid_business_id']],
		[{ businessId: '1000008-0' }, ['businessId:invalid_business_id']],
		[{ businessId: '0112038' }, ['businessId:invalid_business_id']],
		[{ businessId: 1120389 }, ['businessId:invalid_type']],
		[{ sizeClass: '1-9' }, ['sizeClass:invalid_choice']],
		[{ sizeClass: 5 }, ['sizeClass:invalid_choice']],
		[{ website: 'javascript:alert(1)' }, ['website:invalid_url']],
		[{ website: 'ftp://files.example' }, ['website:invalid_url']],
		[{ website: ['https://a.fi'] }, ['website:invalid_type']],
		[{ tags: ['t'.repeat(MAX_TAG_LENGTH + 1)] }, ['tags.0:too_long']],
		[{ tags: [{}] }, ['tags.0:invalid_type']],
		[{ tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag${i}`) }, ['tags:too_many']],
		[{ custom: 'x' }, ['custom:invalid_type']],
		[{ custom: { ['f'.repeat(65)]: 1 } }, [`custom.${'f'.repeat(65)}:too_long`]]
	])('rejects %j', (fields, expected) => {
		expect(codes(validateActorInput({ ...actor, ...fields }))).toEqual(expected);
		expect(codes(validateActorPatch(fields))).toEqual(expected);
	});

	it('tells apart a malformed Business ID and a wrong check digit in the message', () => {
		const format = validateActorInput({ ...actor, businessId: '12-3' });
		const checksum = validateActorInput({ ...actor, businessId: '2617416-5' });
		expect(format.ok || format.errors[0]!.message).toContain('1234567-8');
		expect(checksum.ok || checksum.errors[0]!.message).toContain('check digit');
	});

	it('removes fields with null, an empty list or blank text in a patch, and leaves absent ones alone', () => {
		expect(valueOf(validateActorPatch({ roles: null, sectors: [], tags: [' '], businessId: '', website: null, sizeClass: '' }))).toEqual({
			roles: null,
			sectors: null,
			tags: null,
			businessId: null,
			website: null,
			sizeClass: null
		});
		expect(valueOf(validateActorPatch({ name: 'X' }))).toEqual({ name: 'X' });
	});

	it('keeps case-differing sector ids apart (ids are case-sensitive) but merges tags that differ only in case', () => {
		expect(valueOf(validateActorPatch({ sectors: ['aB', 'Ab'], tags: ['ICT', 'ict'] }))).toEqual({ sectors: ['aB', 'Ab'], tags: ['ICT'] });
	});
});

describe('link fields of schema version 2', () => {
	it('accepts a fully described link', () => {
		const input = {
			...link,
			strength: 4,
			direction: 'mutual',
			status: 'planned',
			years: { from: 2019, to: 2024 },
			evidence: ' Hankerekisteri 2023 ',
			custom: { f: 'x' }
		};
		expect(valueOf(validateLinkInput(input))).toEqual({ ...input, evidence: 'Hankerekisteri 2023' });
	});

	it('accepts every direction and status, open-ended years and strengths 1 to 5', () => {
		for (const direction of LINK_DIRECTIONS) expect(validateLinkInput({ ...link, direction }).ok).toBe(true);
		for (const status of LINK_STATUSES) expect(validateLinkInput({ ...link, status }).ok).toBe(true);
		for (const strength of [1, 2, 3, 4, 5]) expect(validateLinkInput({ ...link, strength }).ok).toBe(true);
		expect(valueOf(validateLinkInput({ ...link, years: { from: 2020 } })).years).toEqual({ from: 2020 });
		expect(valueOf(validateLinkInput({ ...link, years: { to: 2020, from: null } })).years).toEqual({ to: 2020 });
		expect(valueOf(validateLinkInput({ ...link, years: { from: 2020, to: 2020 } })).years).toEqual({ from: 2020, to: 2020 });
	});

	it.each([
		[{ strength: 0 }, ['strength:out_of_range']],
		[{ strength: 6 }, ['strength:out_of_range']],
		[{ strength: 2.5 }, ['strength:invalid_number']],
		[{ strength: '3' }, ['strength:invalid_number']],
		[{ direction: 'both' }, ['direction:invalid_choice']],
		[{ status: 'dead' }, ['status:invalid_choice']],
		[{ years: 2020 }, ['years:invalid_type']],
		[{ years: { from: 2025, to: 2020 } }, ['years:invalid_range']],
		[{ years: { from: 1700 } }, ['years.from:out_of_range']],
		[{ years: { to: 2020.5 } }, ['years.to:invalid_number']],
		[{ years: { start: 2020 } }, ['years.start:unknown_field']],
		[{ evidence: 'e'.repeat(MAX_EVIDENCE_LENGTH + 1) }, ['evidence:too_long']],
		[{ evidence: 5 }, ['evidence:invalid_type']]
	])('rejects %j', (fields, expected) => {
		expect(codes(validateLinkInput({ ...link, ...fields }))).toEqual(expected);
		expect(codes(validateLinkPatch(fields))).toEqual(expected);
	});

	it('removes link fields with null (and years with no year in them) in a patch', () => {
		expect(valueOf(validateLinkPatch({ strength: null, direction: null, status: '', years: {}, evidence: ' ' }))).toEqual({
			strength: null,
			direction: null,
			status: null,
			years: null,
			evidence: null
		});
	});

	it('uses only documented codes, with messages written as sentences', () => {
		const result = validateLinkInput({ ...link, strength: 9, direction: 'x', status: 'y', years: { from: 3000 }, evidence: 1 });
		expect(result.ok).toBe(false);
		for (const error of result.ok ? [] : result.errors) {
			expect(FIELD_ERROR_CODES).toContain(error.code);
			expect(error.message).toMatch(/^[A-Z].*\.$/);
		}
	});
});
