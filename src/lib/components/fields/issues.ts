// Which stored-value problems (the readers' `issues`) belong to which field of a form or a table cell.
import type { FieldError } from '$lib/map';

/** Issues of `field` itself and of its entries (`tags.2`, `years.from`). */
export function issuesOf(issues: readonly FieldError[], field: string): FieldError[] {
	return issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
}

/** Issues no field of the form shows next to itself (e.g. an element stored unreadably). */
export function issuesOutside(issues: readonly FieldError[], fields: readonly string[]): FieldError[] {
	return issues.filter((issue) => !fields.some((field) => issue.field === field || issue.field.startsWith(`${field}.`)));
}

/** What a FormField hands its control: the id its label points at, the ids describing it, and whether it is invalid. */
export interface FieldControl {
	id: string;
	describedBy: string | undefined;
	invalid: boolean;
}
