// The connection indicator's state machine: honest about being offline, and final once the server refuses us.
import { describe, it, expect } from 'vitest';
import { INITIAL_STATUS, nextStatus, type ProviderEvent, type StatusState } from '$lib/collab/connection-status';

function run(events: ProviderEvent[], from: StatusState = INITIAL_STATUS): string[] {
	const seen: string[] = [];
	let state = from;
	for (const event of events) {
		state = nextStatus(state, event);
		seen.push(state.status);
	}
	return seen;
}

describe('connection status', () => {
	it('goes connecting → connected → synced on a normal start', () => {
		expect(INITIAL_STATUS.status).toBe('connecting');
		expect(run([{ type: 'status', status: 'connected' }, { type: 'sync', synced: true }])).toEqual(['connected', 'synced']);
	});

	it('shows offline when the connection drops, and keeps showing it while retrying', () => {
		expect(
			run([
				{ type: 'status', status: 'connected' },
				{ type: 'sync', synced: true },
				{ type: 'connection-close' },
				{ type: 'status', status: 'disconnected' },
				{ type: 'status', status: 'connecting' },
				{ type: 'connection-close' },
				{ type: 'status', status: 'connecting' },
				{ type: 'status', status: 'connected' },
				{ type: 'sync', synced: true }
			])
		).toEqual(['connected', 'synced', 'offline', 'offline', 'offline', 'offline', 'offline', 'connected', 'synced']);
	});

	it('shows offline when the server cannot be reached at all', () => {
		expect(run([{ type: 'status', status: 'connecting' }, { type: 'connection-close' }, { type: 'status', status: 'connecting' }])).toEqual([
			'connecting',
			'offline',
			'offline'
		]);
	});

	it('stays refused after the server closes for good', () => {
		expect(run([{ type: 'status', status: 'connected' }, { type: 'closed' }, { type: 'status', status: 'connecting' }, { type: 'sync', synced: true }])).toEqual([
			'connected',
			'refused',
			'refused',
			'refused'
		]);
	});
});
