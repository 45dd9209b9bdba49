// Map roles in the user's language.
import { m } from '$lib/paraglide/messages';

const NAMES: Record<string, () => string> = {
	owner: m.role_owner,
	editor: m.role_editor,
	commenter: m.role_commenter,
	viewer: m.role_viewer
};

export const ROLE_ORDER = ['owner', 'editor', 'commenter', 'viewer'] as const;

export function roleName(role: string): string {
	return (NAMES[role] ?? (() => role))();
}
