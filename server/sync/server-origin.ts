// The origin of a change the server makes itself (a version restore, a meeting's state, an import):
// stored and broadcast like any edit, and logged as the user on whose behalf it was made, if any.

export interface ServerChangeOrigin {
	readonly kartta: 'server';
	readonly userId: string | null;
}

export function serverOrigin(userId: string | null): ServerChangeOrigin {
	return Object.freeze({ kartta: 'server', userId });
}

export function isServerOrigin(origin: unknown): origin is ServerChangeOrigin {
	return typeof origin === 'object' && origin !== null && (origin as ServerChangeOrigin).kartta === 'server';
}
