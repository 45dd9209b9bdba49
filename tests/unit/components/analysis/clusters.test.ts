// Saving communities as a field: a new field gets "Cluster 1..n", an existing one keeps the names people gave its options, and the option limit holds.
import { describe, it, expect } from 'vitest';
import { MAX_CHOICE_OPTIONS, type CustomFieldView } from '$lib/map';
import { planClusterField } from '$lib/components/analysis/clusters';

const optionName = (number: number) => `Cluster ${number}`;
const analysis = (communities: number[]) => ({
	actors: communities.map((community, index) => ({ id: `a${index}`, community }) as never),
	communities: [...new Set(communities)].map((index) => ({ index, size: communities.filter((c) => c === index).length, members: [] }))
});
const field = (patch: Partial<CustomFieldView>): CustomFieldView => ({ id: 'f1', name: 'Cluster', type: 'choice', appliesTo: 'actor', options: [], issues: [], ...patch }) as CustomFieldView;

describe('planClusterField', () => {
	it('adds a field with one option per community and each actor its community', () => {
		const plan = planClusterField(analysis([0, 1, 0, 2]), [], 'Cluster', optionName);
		expect(plan.fieldId).toBeNull();
		expect(plan.options).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
		expect([...plan.values]).toEqual([['a0', 'Cluster 1'], ['a1', 'Cluster 2'], ['a2', 'Cluster 1'], ['a3', 'Cluster 3']]);
	});

	it('reuses the field of that name and keeps renamed options, adding only what is missing', () => {
		const plan = planClusterField(analysis([0, 1, 2]), [field({ options: ['Puu ja energia', 'Cluster 3'] })], ' Cluster ', optionName);
		expect(plan.fieldId).toBe('f1');
		// "Cluster 3" is taken by the renamed second option: the third gets a name of its own.
		expect(plan.options).toEqual(['Puu ja energia', 'Cluster 3', 'Cluster 3 (2)']);
		expect(plan.values.get('a0')).toBe('Puu ja energia');
	});

	it('does not reuse a field of the same name that is not an actor choice field', () => {
		expect(planClusterField(analysis([0]), [field({ type: 'text' as never })], 'Cluster', optionName).fieldId).toBeNull();
	});

	it('leaves actors of communities past the option limit without a value', () => {
		const many = Array.from({ length: MAX_CHOICE_OPTIONS + 5 }, (_, index) => index);
		const plan = planClusterField(analysis(many), [], 'Cluster', optionName);
		expect(plan.options).toHaveLength(MAX_CHOICE_OPTIONS);
		expect(plan.values.size).toBe(MAX_CHOICE_OPTIONS);
		expect(plan.values.has(`a${MAX_CHOICE_OPTIONS}`)).toBe(false);
	});
});
