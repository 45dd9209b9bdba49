// How cell values read as text, and how typed text becomes a value: pure helpers shared by the table and the side panel.
import type { CustomValue, YearRange } from '$lib/map';

/** A list as one line; unknown entries are named by `nameOf` too (it marks them). */
export function listText(values: readonly string[] | undefined, nameOf: (value: string) => string = (value) => value): string {
	return (values ?? []).map(nameOf).join(', ');
}

/** "2019–2023", "2019–" (still active), "–2023"; '' without years. */
export function yearsText(years: YearRange | undefined): string {
	if (!years || (years.from === undefined && years.to === undefined)) return '';
	return `${years.from ?? ''}–${years.to ?? ''}`;
}

/**
 * A number as typed: a decimal comma (Finnish and Swedish write 1,5), spaces between thousands;
 * '' = no value (null); NaN when it is not a number.
 */
export function parseNumberInput(text: string): number | null {
	const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace(/^\u2212/, '-');
	if (compact === '') return null;
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return Number.NaN;
	return Number(compact);
}

/** Tags typed on one line: separated by commas (a tag may contain spaces). */
export function parseListInput(text: string): string[] {
	return text
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

/** A custom value as text in the user's language; values of unknown shape are shown as stored. */
export function customValueText(type: string, value: CustomValue | undefined, locale: string): string {
	if (value === undefined) return '';
	if (Array.isArray(value)) return value.join(', ');
	if (type === 'number' && typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value);
	return String(value);
}

/** A custom value as a draft for an input: the stored form, which the model accepts back unchanged. */
export function customValueDraft(value: CustomValue | undefined): string | string[] {
	if (value === undefined) return '';
	if (Array.isArray(value)) return [...value];
	return String(value);
}

/** Drafts compared by content: an edit that changes nothing writes nothing (and makes no undo step). */
export function sameDraft(a: string | readonly string[], b: string | readonly string[]): boolean {
	if (typeof a === 'string' || typeof b === 'string') return a === b;
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
