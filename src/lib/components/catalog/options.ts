// A choice field's options as the catalog edits them: one per line in a text box.
import { CHOICE_FIELD_TYPES, type CustomFieldType } from '$lib/map';

/** Lines of the text box, trimmed, without blanks; the model drops repeats and checks the limits. */
export function parseOptions(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

export function optionsText(options: readonly string[] | undefined): string {
	return (options ?? []).join('\n');
}

export function hasOptions(type: string): boolean {
	return (CHOICE_FIELD_TYPES as readonly string[]).includes(type as CustomFieldType);
}

/** How many actors use each sector (shown next to it, and before deleting it). */
export function sectorUse(actors: readonly { sectors?: readonly string[] }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const actor of actors) for (const id of new Set(actor.sectors ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

/** How many elements have a value for the field (deleting the field deletes those values). */
export function fieldUse(fieldId: string, elements: readonly { custom?: Record<string, unknown> }[]): number {
	return elements.filter((element) => element.custom !== undefined && fieldId in element.custom).length;
}
