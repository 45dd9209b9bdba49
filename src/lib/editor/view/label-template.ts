// Node label templates such as "{name} ({region})": built from a menu of fields, filled in per actor; nothing in them is code.

/** Tokens a template may use; `custom:<fieldId>` names a custom field. */
export const LABEL_TOKENS = ['name', 'kind', 'region', 'sector', 'role', 'sizeClass', 'tags', 'businessId', 'degree'] as const;
export type LabelToken = (typeof LABEL_TOKENS)[number] | `custom:${string}`;

const TOKEN_PATTERN = /\{(name|kind|region|sector|role|sizeClass|tags|businessId|degree|custom:[\w-]{1,64})\}/g;

/** The templates the style menu offers: the name alone, nothing, or the name with one more field. */
export function templateWith(extra: LabelToken | 'none' | 'hidden'): string {
	if (extra === 'hidden') return '';
	if (extra === 'none') return '{name}';
	return `{name} ({${extra}})`;
}

/** The inverse of templateWith for the menu: which extra field a template shows. */
export function extraOf(template: string): LabelToken | 'none' | 'hidden' {
	if (template === '') return 'hidden';
	const tokens = templateTokens(template).filter((token) => token !== 'name');
	return tokens[0] ?? 'none';
}

export function templateTokens(template: string): LabelToken[] {
	return [...template.matchAll(TOKEN_PATTERN)].map((match) => match[1] as LabelToken);
}

/** Fills the tokens; unknown braces stay as typed text, and an empty "()" left by a missing value is dropped. */
export function renderTemplate(template: string, valueOf: (token: LabelToken) => string): string {
	return template
		.replace(TOKEN_PATTERN, (_, token: LabelToken) => valueOf(token))
		.replace(/\s*\(\s*\)/g, '')
		.trim();
}
