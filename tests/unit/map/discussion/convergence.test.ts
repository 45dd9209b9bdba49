// Property: random discussion operations on three replicas, delivered in random order, converge to the same document.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GAP_STATUSES, TARGET_STATUSES, type DiscussionModel } from '$lib/map/discussion';
import { MESH_REPLICAS, connectMesh, deliver, drain, meshRun, nth, type MeshPeer } from '../mesh';
import { discussionReplica } from './helpers';

const r = fc.nat(MESH_REPLICAS - 1);
const pick = fc.nat(50);
const USERS = ['u0', 'u1', 'u2'];

type Op =
	| { op: 'addThread'; r: number; actor: number; withText: boolean }
	| { op: 'comment'; r: number; pick: number; mention: boolean }
	| { op: 'edit'; r: number; pick: number; comment: number }
	| { op: 'deleteComment'; r: number; pick: number; comment: number }
	| { op: 'resolve'; r: number; pick: number; resolved: boolean }
	| { op: 'deleteThread'; r: number; pick: number }
	| { op: 'addGap'; r: number }
	| { op: 'gapStatus'; r: number; pick: number; status: (typeof GAP_STATUSES)[number] }
	| { op: 'deleteGap'; r: number; pick: number }
	| { op: 'threadOnGap'; r: number; pick: number }
	| { op: 'target'; r: number; status: (typeof TARGET_STATUSES)[number] }
	| { op: 'markRead'; r: number; pick: number; user: number }
	| { op: 'deliver'; r: number; pick: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('addThread' as const), r, actor: fc.nat(3), withText: fc.boolean() }) },
	{ weight: 5, arbitrary: fc.record({ op: fc.constant('comment' as const), r, pick, mention: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), r, pick, comment: pick }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('deleteComment' as const), r, pick, comment: pick }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('resolve' as const), r, pick, resolved: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('deleteThread' as const), r, pick }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('addGap' as const), r }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('gapStatus' as const), r, pick, status: fc.constantFrom(...GAP_STATUSES) }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('deleteGap' as const), r, pick }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('threadOnGap' as const), r, pick }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('target' as const), r, status: fc.constantFrom(...TARGET_STATUSES) }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('markRead' as const), r, pick, user: fc.nat(USERS.length - 1) }) },
	{ weight: 6, arbitrary: fc.record({ op: fc.constant('deliver' as const), r, pick }) }
);

type Peer = MeshPeer<DiscussionModel> & { tick: () => void };

function makePeers(): Peer[] {
	const replicas = Array.from({ length: MESH_REPLICAS }, (_, i) => {
		const { doc, model, tick } = discussionReplica(`r${i}-`);
		return { doc, model, tick: () => void tick(7 + i) };
	});
	replicas[0]!.model.addThread({ anchor: { kind: 'actor', id: 'a0' }, createdBy: 'u0', text: 'Aloitus @u1' });
	return connectMesh(replicas);
}

function commentId(model: DiscussionModel, threadId: string, index: number): string | undefined {
	const comments = model.thread(threadId)?.comments ?? [];
	return comments.length === 0 ? undefined : comments[index % comments.length]!.id || undefined;
}

/** Every comment written (id -> thread) and every comment deleted on purpose, to prove no other comment is lost. */
interface Ledger {
	written: Map<string, string>;
	deleted: Set<string>;
}

function apply(peers: Peer[], step: Op, ledger: Ledger): void {
	const peer = peers[step.r]!;
	const { model } = peer;
	peer.tick();
	const author = USERS[step.r]!;
	const thread = 'pick' in step ? nth(model.parts.threads, step.pick) : undefined;
	const gap = 'pick' in step ? nth(model.parts.gaps, step.pick) : undefined;
	switch (step.op) {
		case 'addThread': {
			const id = model.addThread({ anchor: { kind: 'actor', id: `a${step.actor}` }, createdBy: author, ...(step.withText && { text: 'Uusi' }) });
			for (const comment of model.thread(id)!.comments) ledger.written.set(comment.id, id);
			break;
		}
		case 'comment':
			if (thread) ledger.written.set(model.addComment(thread, { author, text: step.mention ? 'Katso @u2' : 'Ok' }), thread);
			break;
		case 'edit': {
			const comment = thread && commentId(model, thread, step.comment);
			if (thread && comment) model.editComment(thread, comment, `Muokattu @u0 ${step.r}`);
			break;
		}
		case 'deleteComment': {
			const comment = thread && commentId(model, thread, step.comment);
			if (thread && comment && model.deleteComment(thread, comment)) ledger.deleted.add(comment);
			break;
		}
		case 'resolve':
			if (thread) model.resolveThread(thread, step.resolved);
			break;
		case 'deleteThread':
			if (thread) model.deleteThread(thread);
			break;
		case 'addGap':
			model.addGap({ type: 'missing_link', title: 'Aukko', anchor: { kind: 'point', x: step.r, y: 0 }, createdBy: author });
			break;
		case 'gapStatus':
			if (gap) model.updateGap(gap, { status: step.status });
			break;
		case 'deleteGap':
			if (gap) model.deleteGap(gap);
			break;
		case 'threadOnGap':
			if (gap) {
				const id = model.addThread({ anchor: { kind: 'gap', id: gap }, createdBy: author, text: 'Miksi?' });
				for (const comment of model.thread(id)!.comments) ledger.written.set(comment.id, id);
			}
			break;
		case 'target':
			model.addTarget({ title: 'Tavoite', status: step.status, actors: ['a0'], createdBy: author });
			break;
		case 'markRead':
			if (thread) model.markRead(USERS[step.user]!, thread);
			break;
		case 'deliver':
			deliver(peer, step.pick);
			break;
		default:
			throw new Error(`unknown op ${JSON.stringify(step satisfies never)}`);
	}
}

describe('discussion convergence property', () => {
	it('converges three replicas: same snapshot, same unread counts and mentions, no comment lost', { timeout: 60_000 }, () => {
		fc.assert(
			fc.property(meshRun.ops(opArbitrary), meshRun.order, (ops, order) => {
				const peers = makePeers();
				const ledger: Ledger = { written: new Map(), deleted: new Set() };
				for (const step of ops) apply(peers, step, ledger);
				drain(peers, order);

				const [first, ...rest] = peers.map((peer) => peer.model.snapshot());
				for (const snapshot of rest) expect(snapshot).toEqual(first);
				for (const user of USERS) {
					const counts = peers.map((peer) => peer.model.unreadCounts(user));
					for (const count of counts.slice(1)) expect(count).toEqual(counts[0]);
				}
				const mentions = peers.map((peer) => peer.model.mentionsOf('U2').map((m) => m.comment.id));
				for (const list of mentions.slice(1)) expect(list).toEqual(mentions[0]);
				// Threads about gaps that were deleted concurrently may remain; everything else resolves.
				const issues = [...first!.gaps, ...first!.targets, ...first!.threads].flatMap((e) => e.issues);
				expect(issues.filter((issue) => issue.code !== 'unknown_anchor')).toEqual([]);
				for (const thread of first!.threads) {
					const ids = thread.comments.map((c) => c.id);
					expect(new Set(ids).size).toBe(ids.length);
				}
				// Every comment written survives unless it was deleted, or its whole thread was.
				const threads = new Map(first!.threads.map((t) => [t.id, new Set(t.comments.map((c) => c.id))]));
				for (const [comment, thread] of ledger.written) {
					if (ledger.deleted.has(comment) || !threads.has(thread)) continue;
					expect(threads.get(thread)!.has(comment), comment).toBe(true);
				}
			}),
			{ numRuns: meshRun.numRuns }
		);
	});
});
