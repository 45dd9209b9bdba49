// "Hide others' cursors": a per-user setting kept in this browser only (it changes nothing for anyone else).

const KEY_PREFIX = 'kartta:hide-cursors:';

export function readCursorsHidden(userId: string): boolean {
	try {
		return localStorage.getItem(KEY_PREFIX + userId) === '1';
	} catch {
		return false;
	}
}

export function writeCursorsHidden(userId: string, hidden: boolean): void {
	try {
		if (hidden) localStorage.setItem(KEY_PREFIX + userId, '1');
		else localStorage.removeItem(KEY_PREFIX + userId);
	} catch {
		// Storage refused (private mode, quota): the setting lasts for this page only.
	}
}
