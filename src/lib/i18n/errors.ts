// Turns a server error code into a sentence in the user's language.
import { m } from '$lib/paraglide/messages';

const MESSAGES: Record<string, () => string> = {
	invalid_credentials: m.error_invalid_credentials,
	invalid_username: m.error_invalid_username,
	weak_password: m.error_weak_password,
	username_taken: m.error_username_taken,
	passwords_differ: m.error_passwords_differ,
	invalid_title: m.error_invalid_title,
	invalid_role: m.error_invalid_role,
	unknown_user: m.error_unknown_user,
	not_a_member: m.error_not_a_member,
	last_owner: m.error_last_owner,
	invalid_invite: m.error_invalid_invite,
	setup_done: m.error_setup_done,
	forbidden: m.error_forbidden,
	too_many_attempts: m.error_too_many_attempts,
	invalid_version_name: m.error_invalid_version_name,
	invalid_share_link: m.error_invalid_share_link,
	invalid_expiry: m.error_invalid_expiry,
	invalid_label: m.error_invalid_label,
	invalid_display_name: m.error_invalid_display_name,
	not_found: m.error_not_found,
	unknown_language: m.error_unknown_language,
	storage_unavailable: m.error_storage,
	storage_full: m.error_storage,
	storage_read_only: m.error_storage,
	storage_failed: m.error_storage
};

export function errorText(code: string | undefined | null): string {
	if (!code) return '';
	return (MESSAGES[code] ?? m.error_generic)();
}
