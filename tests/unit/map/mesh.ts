// A lossy-order network of replicas for the convergence properties: each local update waits in
// every other replica's inbox and is delivered in an order fast-check chooses.
import fc from 'fast-check';
import * as Y from 'yjs';
import { REMOTE, syncAll } from './helpers';

export interface MeshPeer<Model> {
	doc: Y.Doc;
	model: Model;
	/** Updates from other replicas not yet delivered to this one. */
	inbox: Uint8Array[];
}

/** Replicas in a convergence run: enough for three-way conflicts, few enough to stay fast. */
export const MESH_REPLICAS = 3;

/** fast-check's draws for a run: the operations, and the delivery order used when draining. */
export const meshRun = {
	ops: <Op>(op: fc.Arbitrary<Op>) => fc.array(op, { minLength: 5, maxLength: 80, size: 'max' }),
	order: fc.array(fc.nat(100), { maxLength: 20 }),
	/** Each run does a few thousand Yjs operations: 100 keep the file at a few seconds. */
	numRuns: 100
};

/**
 * Wires replicas that already share their starting content: from now on every local change is
 * queued for every other replica instead of being applied there at once.
 */
export function connectMesh<Peer extends { doc: Y.Doc }>(replicas: Peer[]): (Peer & { inbox: Uint8Array[] })[] {
	syncAll(...replicas.map((peer) => peer.doc));
	const peers = replicas.map((peer) => Object.assign(peer, { inbox: [] as Uint8Array[] }));
	for (const peer of peers) {
		peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === REMOTE) return;
			for (const other of peers) if (other !== peer) other.inbox.push(update);
		});
	}
	return peers;
}

/** Delivers one waiting update (chosen by `index`), as a network delivering out of order. */
export function deliver(peer: { doc: Y.Doc; inbox: Uint8Array[] }, index: number): void {
	if (peer.inbox.length === 0) return;
	const [update] = peer.inbox.splice(index % peer.inbox.length, 1);
	Y.applyUpdate(peer.doc, update!, REMOTE);
}

/** Delivers everything still in flight; `order` picks the receiving peer and the update at each turn. */
export function drain(peers: { doc: Y.Doc; inbox: Uint8Array[] }[], order: number[]): void {
	for (let turn = 0; ; turn++) {
		const waiting = peers.filter((peer) => peer.inbox.length > 0);
		if (waiting.length === 0) return;
		const choice = order.length === 0 ? 0 : order[turn % order.length]!;
		deliver(waiting[choice % waiting.length]!, choice + turn);
	}
}

/** The `index`-th key of a Y.Map in sorted order (so every replica means the same element), wrapping around. */
export function nth(map: Y.Map<unknown>, index: number): string | undefined {
	const ids = [...map.keys()].sort();
	return ids.length === 0 ? undefined : ids[index % ids.length];
}
