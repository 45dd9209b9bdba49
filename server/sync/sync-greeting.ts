// When the server sends a connection its sync step 1 (its state vector, so that the client sends what
// the server lacks): at once when the room's Doc is built; otherwise only to a client that may hold
// something, since reading the state vector from a large map's stored bytes costs more than a new
// client's whole answer, and a new client has nothing to give.
import type { SyncConnection } from './connection';
import { encodeSyncStep1 } from './protocol';
import { holdsAnything } from './stored-state';

export class SyncGreeting {
	private greeted = new WeakSet<SyncConnection>();
	/** Connections whose sync step 1 said they hold nothing: nothing to ask them for. */
	private holdingNothing = new WeakSet<SyncConnection>();

	constructor(
		private readonly stateVector: () => Uint8Array,
		/** Whether the connection is still in a working room. */
		private readonly isOpen: (connection: SyncConnection) => boolean,
		/** Reading the state vector failed: the stored bytes do not parse. */
		private readonly onUnreadable: (error: unknown) => void
	) {}

	/**
	 * A connection joined. Greeted at once if the state vector is at hand; otherwise after the messages
	 * it sent while the room loaded are handled, unless its step 1 said it holds nothing. A client that
	 * says nothing is greeted too, as y-websocket servers greet everyone.
	 */
	joined(connection: SyncConnection, stateVectorAtHand: boolean): void {
		if (stateVectorAtHand) this.greet(connection);
		else setImmediate(() => this.holdingNothing.has(connection) || this.greet(connection));
	}

	/** Its sync step 1 tells what the client holds: greeted if anything. */
	stepOneReceived(connection: SyncConnection, clientStateVector: Uint8Array): void {
		if (holdsAnything(clientStateVector)) this.greet(connection);
		else this.holdingNothing.add(connection);
	}

	/** Sends the server's sync step 1, once per connection. */
	private greet(connection: SyncConnection): void {
		if (this.greeted.has(connection) || !this.isOpen(connection)) return;
		this.greeted.add(connection);
		try {
			connection.send(encodeSyncStep1(this.stateVector()));
		} catch (error) {
			this.onUnreadable(error);
		}
	}
}
