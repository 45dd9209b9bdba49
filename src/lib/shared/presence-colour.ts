// A stable colour per user for presence (avatars, cursors, selections), computed the same way on
// the server (which stamps it) and in the browser (which needs its own colour before any echo).

// Colours with at least 3:1 contrast against the white canvas (WCAG 1.4.11).
const PRESENCE_COLOURS = ['#c2185b', '#1565c0', '#2e7d32', '#6a1b9a', '#ad1457', '#00695c', '#d84315', '#4527a0'];

export function colourForUser(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}
