// Identifiers the server hands out for maps, users and invitations.
import { randomToken } from './auth/secrets';

const MAP_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function newId(): string {
	return randomToken(10);
}

export function isValidMapId(id: string): boolean {
	return MAP_ID_PATTERN.test(id);
}
