// Which stored-value problems a form field shows next to itself, and which are left for the summary above the form.
import { describe, it, expect } from 'vitest';
import { issuesOf, issuesOutside } from '$lib/components/fields/issues';
import type { FieldError } from '$lib/map';

const issue = (field: string): FieldError => ({ field, code: 'invalid_type', message: '' });
const issues = [issue('tags'), issue('tags.2'), issue('years.from'), issue('custom.f1'), issue('pos'), issue(''), issue('tagsExtra')];

describe('field issues', () => {
	it('gives a field its own issues and its entries', () => {
		expect(issuesOf(issues, 'tags').map((i) => i.field)).toEqual(['tags', 'tags.2']);
		expect(issuesOf(issues, 'years').map((i) => i.field)).toEqual(['years.from']);
		expect(issuesOf(issues, 'custom.f1').map((i) => i.field)).toEqual(['custom.f1']);
	});

	it('leaves the rest for the summary, without mistaking a longer name for an entry', () => {
		expect(issuesOutside(issues, ['tags', 'years', 'custom.f1']).map((i) => i.field)).toEqual(['pos', '', 'tagsExtra']);
	});
});
