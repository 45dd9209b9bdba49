// The connection-status state machine behind the editor's status indicator: provider events in, one of five states out.

/**
 * connecting: first attempt, nothing received yet; connected: socket open, document arriving;
 * synced: up to date with the server; offline: connection lost or unreachable, retrying (edits
 * are kept and sent on reconnect); refused: the server ended the session for good (e.g. access removed).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'synced' | 'offline' | 'refused';

export type ProviderEvent =
	| { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
	| { type: 'sync'; synced: boolean }
	/** A socket closed or failed to open (emitted whether or not it had connected). */
	| { type: 'connection-close' }
	/** The server asked us not to reconnect. */
	| { type: 'closed' };

export interface StatusState {
	status: ConnectionStatus;
	/** After a failure each new attempt is a retry: it keeps showing offline rather than flickering back to connecting. */
	retrying: boolean;
}

export const INITIAL_STATUS: StatusState = { status: 'connecting', retrying: false };

export function nextStatus(state: StatusState, event: ProviderEvent): StatusState {
	if (state.status === 'refused') return state;
	switch (event.type) {
		case 'closed':
			return { status: 'refused', retrying: false };
		case 'connection-close':
			return { status: 'offline', retrying: true };
		case 'sync':
			if (event.synced) return { status: 'synced', retrying: false };
			return state.status === 'synced' ? { ...state, status: 'connected' } : state;
		case 'status':
			if (event.status === 'connected') return { status: 'connected', retrying: false };
			if (event.status === 'disconnected') return { status: 'offline', retrying: true };
			return { ...state, status: state.retrying ? 'offline' : 'connecting' };
	}
}
