// Records security events (logins, failures, role changes, token use). A failure to record is
// logged but never blocks the action itself.
import type { AuditEvent, Storage } from './storage/types';
import { log } from './log';

export type AuditType =
	| 'login_succeeded'
	| 'login_failed'
	| 'login_throttled'
	| 'logout'
	| 'password_changed'
	| 'account_created'
	| 'account_disabled'
	| 'account_enabled'
	| 'invite_created'
	| 'member_role_set'
	| 'member_removed'
	| 'api_token_created'
	| 'api_token_deleted'
	| 'api_token_used'
	| 'version_restored'
	| 'share_link_created'
	| 'share_link_revoked';

export async function audit(
	storage: Storage,
	type: AuditType,
	who: { actorId?: string | null; username?: string | null; ip?: string | null },
	detail: Record<string, unknown> = {}
): Promise<void> {
	const event: AuditEvent = {
		at: Date.now(),
		type,
		actorId: who.actorId ?? null,
		username: who.username ?? null,
		ip: who.ip ?? null,
		detail
	};
	log.info(`audit.${type}`, { username: event.username, ip: event.ip, ...detail });
	try {
		await storage.recordAudit(event);
	} catch (error) {
		log.error('audit.record_failed', { type, error });
	}
}
