// Saving Louvain communities as a choice field: which field to write, its options and each actor's value (pure planning; the session writes it).
import { MAX_CHOICE_OPTIONS, type CustomFieldView } from '$lib/map';
import type { Analysis } from '$lib/analysis/types';

export interface ClusterPlan {
	/** An existing actor choice field of that name to update, or null to add one. */
	fieldId: string | null;
	/** The field's options: names already given (perhaps renamed in the catalog) are kept, new ones added. */
	options: string[];
	/** Actor id -> option; actors of communities past the option limit get none. */
	values: Map<string, string>;
}

/**
 * Community i is option i: re-saving after a rename keeps the names people gave the clusters. Louvain
 * numbers communities largest first, so only the smallest (often single actors) can miss the limit.
 */
export function planClusterField(analysis: Pick<Analysis, 'actors' | 'communities'>, fields: readonly CustomFieldView[], fieldName: string, optionName: (number: number) => string): ClusterPlan {
	const existing = fields.find((field) => field.appliesTo === 'actor' && field.type === 'choice' && field.name.trim() === fieldName.trim());
	const count = Math.min(analysis.communities.length, MAX_CHOICE_OPTIONS);
	const options = (existing?.options ?? []).slice(0, MAX_CHOICE_OPTIONS);
	const taken = new Set(options);
	for (let index = options.length; index < count; index++) {
		let name = optionName(index + 1);
		// A renamed earlier option may already use the default name of a later one.
		for (let extra = 2; taken.has(name); extra++) name = `${optionName(index + 1)} (${extra})`;
		options.push(name);
		taken.add(name);
	}
	const values = new Map<string, string>();
	for (const actor of analysis.actors) if (actor.community < count) values.set(actor.id, options[actor.community]!);
	return { fieldId: existing?.id ?? null, options, values };
}
