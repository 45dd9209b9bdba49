// Comment threads: concurrent comments survive, mentions are parsed, unread counts and the mention list work per user.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import type { DiscussionChange } from '$lib/map/discussion';
import { REMOTE, captureUpdates, rejectionOf, syncAll } from '../helpers';
import { discussionReplica } from './helpers';

const actorAnchor = { kind: 'actor', id: 'a1' } as const;

describe('threads and comments', () => {
	it('starts a thread with its first comment in one transaction and appends replies', () => {
		const { model, tick } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u1', text: 'Onko @liisa tavannut heidät?' });
		tick();
		const reply = model.addComment(thread, { author: 'u2', text: ' Kyllä, viime viikolla. ' });
		const view = model.thread(thread)!;
		expect(view).toMatchObject({ anchor: actorAnchor, resolved: false, createdBy: 'u1', createdAt: 1000, issues: [] });
		expect(view.comments.map((c) => [c.author, c.text, c.mentions, c.createdAt])).toEqual([
			['u1', 'Onko @liisa tavannut heidät?', ['liisa'], 1000],
			['u2', 'Kyllä, viime viikolla.', [], 2000]
		]);
		expect(view.comments[1]!.id).toBe(reply);
	});

	it('edits a comment: new text, new mentions, an edit time', () => {
		const { model, tick } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u1' });
		const comment = model.addComment(thread, { author: 'u1', text: 'Hei @matti' });
		tick();
		model.editComment(thread, comment, 'Hei @liisa ja @pekka');
		expect(model.thread(thread)!.comments[0]).toMatchObject({ text: 'Hei @liisa ja @pekka', mentions: ['liisa', 'pekka'], createdAt: 1000, editedAt: 2000 });
		expect(rejectionOf(() => model.editComment(thread, comment, '  '))).toEqual([{ field: 'text', code: 'required' }]);
		expect(rejectionOf(() => model.editComment(thread, 'nope', 'x'))).toEqual([{ field: 'commentId', code: 'not_found' }]);
	});

	it('deletes a comment, resolves and reopens, and deletes a thread', () => {
		const { model } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u1', text: 'Eka' });
		const second = model.addComment(thread, { author: 'u1', text: 'Toka' });
		expect(model.deleteComment(thread, second)).toBe(true);
		expect(model.deleteComment(thread, second)).toBe(false);
		expect(model.thread(thread)!.comments.map((c) => c.text)).toEqual(['Eka']);
		model.resolveThread(thread);
		expect(model.thread(thread)!.resolved).toBe(true);
		model.resolveThread(thread, false);
		expect(model.thread(thread)!.resolved).toBe(false);
		expect(model.deleteThread(thread)).toBe(true);
		expect(model.threads()).toEqual([]);
	});

	it.each([
		[{ anchor: { kind: 'region', id: 'r' }, createdBy: 'u' }, [{ field: 'anchor.kind', code: 'invalid_choice' }]],
		[{ anchor: { kind: 'gap', id: 'no-such-gap' }, createdBy: 'u' }, [{ field: 'anchor', code: 'unknown_anchor' }]],
		[{ anchor: actorAnchor, createdBy: 'u', text: '' }, [{ field: 'text', code: 'required' }]],
		[{ anchor: actorAnchor }, [{ field: 'createdBy', code: 'required' }]]
	])('rejects the thread %j', (input, expected) => {
		const { model } = discussionReplica();
		expect(rejectionOf(() => model.addThread(input as never))).toEqual(expected);
	});

	it('rejects a comment without an author or text, or on a missing thread', () => {
		const { model } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u' });
		expect(rejectionOf(() => model.addComment(thread, { author: '', text: 'x' }))).toEqual([{ field: 'author', code: 'required' }]);
		expect(rejectionOf(() => model.addComment(thread, { author: 'u', text: 'x'.repeat(6000) }))).toEqual([{ field: 'text', code: 'too_long' }]);
		expect(rejectionOf(() => model.addComment('nope', { author: 'u', text: 'x' }))).toEqual([{ field: 'id', code: 'not_found' }]);
	});

	it('finds the threads about one anchor, oldest first', () => {
		const { model, tick } = discussionReplica();
		const first = model.addThread({ anchor: actorAnchor, createdBy: 'u' });
		tick();
		model.addThread({ anchor: { kind: 'actor', id: 'a2' }, createdBy: 'u' });
		const second = model.addThread({ anchor: actorAnchor, createdBy: 'u' });
		expect(model.threadsFor(actorAnchor).map((t) => t.id)).toEqual([first, second]);
		expect(model.threadsFor({ kind: 'link', id: 'a1' })).toEqual([]);
	});
});

describe('concurrent comments', () => {
	it('keep both comments written at once on two replicas, in the same order on both', () => {
		const alice = discussionReplica('a');
		const bob = discussionReplica('b');
		const thread = alice.model.addThread({ anchor: actorAnchor, createdBy: 'ua', text: 'Aloitus' });
		syncAll(alice.doc, bob.doc);
		alice.tick();
		bob.tick();
		alice.model.addComment(thread, { author: 'ua', text: 'Alicen vastaus' });
		bob.model.addComment(thread, { author: 'ub', text: 'Bobin vastaus' });
		syncAll(alice.doc, bob.doc);
		const texts = alice.model.thread(thread)!.comments.map((c) => c.text);
		expect(texts).toHaveLength(3);
		expect(texts[0]).toBe('Aloitus');
		expect(new Set(texts.slice(1))).toEqual(new Set(['Alicen vastaus', 'Bobin vastaus']));
		expect(bob.model.thread(thread)!.comments.map((c) => c.text)).toEqual(texts);
	});

	it('keep both threads when two people start one about the same actor at once', () => {
		const alice = discussionReplica('a');
		const bob = discussionReplica('b');
		alice.model.addThread({ anchor: actorAnchor, createdBy: 'ua', text: 'A' });
		bob.model.addThread({ anchor: actorAnchor, createdBy: 'ub', text: 'B' });
		syncAll(alice.doc, bob.doc);
		expect(alice.model.threadsFor(actorAnchor)).toHaveLength(2);
		expect(bob.model.snapshot()).toEqual(alice.model.snapshot());
	});

	it('merge a concurrent edit and reply on one thread', () => {
		const alice = discussionReplica('a');
		const bob = discussionReplica('b');
		const thread = alice.model.addThread({ anchor: actorAnchor, createdBy: 'ua' });
		const comment = alice.model.addComment(thread, { author: 'ua', text: 'Luonnos' });
		syncAll(alice.doc, bob.doc);
		alice.model.editComment(thread, comment, 'Korjattu');
		bob.model.addComment(thread, { author: 'ub', text: 'Vastaus' });
		bob.model.resolveThread(thread);
		syncAll(alice.doc, bob.doc);
		expect(alice.model.thread(thread)).toMatchObject({ resolved: true });
		expect(alice.model.thread(thread)!.comments.map((c) => c.text)).toEqual(['Korjattu', 'Vastaus']);
	});
});

describe('unread counts', () => {
	it('counts others\' comments newer than the user\'s marker, and markRead clears them', () => {
		const { model, tick } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u1', text: 'Oma' });
		tick();
		model.addComment(thread, { author: 'u2', text: 'Muiden 1' });
		tick();
		model.addComment(thread, { author: 'u3', text: 'Muiden 2' });
		expect(model.unreadCount('u1', thread)).toBe(2);
		expect(model.unreadCount('u2', thread)).toBe(2);
		expect(model.unreadCounts('u1')).toEqual(new Map([[thread, 2]]));
		model.markRead('u1', thread);
		expect(model.unreadCount('u1', thread)).toBe(0);
		expect(model.unreadCounts('u1')).toEqual(new Map());
		tick();
		model.addComment(thread, { author: 'u2', text: 'Uusi' });
		expect(model.unreadCount('u1', thread)).toBe(1);
		expect(model.unreadCount('u2', thread)).toBe(2);
		expect(model.unreadCount('u1', 'no-such-thread')).toBe(0);
	});

	it('never lowers a marker: a device that has not seen the newest comment yet does not un-read it', () => {
		const bob = discussionReplica('b');
		const phone = discussionReplica('p');
		const laptop = discussionReplica('l');
		const thread = bob.model.addThread({ anchor: actorAnchor, createdBy: 'u2', text: '1' });
		syncAll(bob.doc, phone.doc, laptop.doc);
		laptop.model.markRead('u1', thread);
		syncAll(laptop.doc, phone.doc);
		bob.tick();
		bob.model.addComment(thread, { author: 'u2', text: '2' });
		syncAll(bob.doc, phone.doc);
		const phoneUpdates = captureUpdates(phone.doc);
		phone.model.markRead('u1', thread);
		// Only the phone's marker reaches the laptop, not Bob's newer comment.
		for (const update of phoneUpdates) Y.applyUpdate(laptop.doc, update, REMOTE);
		expect(laptop.model.thread(thread)!.comments).toHaveLength(1);
		const laptopUpdates = captureUpdates(laptop.doc);
		laptop.model.markRead('u1', thread);
		expect(laptopUpdates).toHaveLength(0);
		syncAll(bob.doc, phone.doc, laptop.doc);
		for (const device of [phone, laptop]) expect(device.model.unreadCount('u1', thread)).toBe(0);
	});

	it('keeps the markers of two devices of a new user that read different threads at once', () => {
		const phone = discussionReplica('p');
		const laptop = discussionReplica('l');
		const one = phone.model.addThread({ anchor: actorAnchor, createdBy: 'u2', text: 'a' });
		const two = phone.model.addThread({ anchor: { kind: 'link', id: 'l1' }, createdBy: 'u2', text: 'b' });
		syncAll(phone.doc, laptop.doc);
		phone.model.markRead('u1', one);
		laptop.model.markRead('u1', two);
		syncAll(phone.doc, laptop.doc);
		expect(phone.model.unreadCounts('u1')).toEqual(new Map());
	});

	it('forgets everyone\'s marker of a deleted thread, and refuses a user id with the separator', () => {
		const { model } = discussionReplica();
		const thread = model.addThread({ anchor: actorAnchor, createdBy: 'u2', text: 'a' });
		const other = model.addThread({ anchor: actorAnchor, createdBy: 'u2', text: 'b' });
		model.markRead('u1', thread);
		model.markRead('u3', thread);
		model.markRead('u1', other);
		model.deleteThread(thread);
		expect([...model.parts.reads.keys()]).toEqual([`u1/${other}`]);
		expect(rejectionOf(() => model.markRead('u/1', other))).toEqual([{ field: 'userId', code: 'invalid_type' }]);
	});
});

describe('mentionsOf', () => {
	it('lists comments mentioning the user across threads, newest first, ignoring case', () => {
		const { model, tick } = discussionReplica();
		const one = model.addThread({ anchor: actorAnchor, createdBy: 'u1', text: 'Hei @Liisa' });
		tick();
		const two = model.addThread({ anchor: { kind: 'link', id: 'l1' }, createdBy: 'u2', text: '@matti katso' });
		tick();
		model.addComment(one, { author: 'u3', text: 'Myös @liisa ja @matti' });
		const forLiisa = model.mentionsOf('liisa');
		expect(forLiisa.map((m) => [m.threadId, m.comment.text])).toEqual([
			[one, 'Myös @liisa ja @matti'],
			[one, 'Hei @Liisa']
		]);
		expect(forLiisa[0]!.anchor).toEqual(actorAnchor);
		expect(model.mentionsOf('MATTI').map((m) => m.threadId)).toEqual([one, two]);
		expect(model.mentionsOf('pekka')).toEqual([]);
	});
});

describe('observe', () => {
	it('reports threads, comments and read markers per transaction, local or remote', () => {
		const alice = discussionReplica('a');
		const bob = discussionReplica('b');
		const changes: DiscussionChange[] = [];
		alice.model.observe((change) => changes.push(change));
		const thread = alice.model.addThread({ anchor: actorAnchor, createdBy: 'ua', text: 'x' });
		alice.model.markRead('ua', thread);
		syncAll(alice.doc, bob.doc);
		bob.model.addComment(thread, { author: 'ub', text: 'y' });
		syncAll(alice.doc, bob.doc);
		const none = () => new Set<string>();
		const base = { gaps: none(), targets: none(), growthSectors: none(), threads: none(), reads: none(), meta: false };
		expect(changes).toEqual([
			{ ...base, threads: new Set([thread]), local: true },
			{ ...base, reads: new Set(['ua']), local: true },
			{ ...base, threads: new Set([thread]), local: false }
		]);
	});
});

describe('readers over garbage', () => {
	it('show broken threads, comments and annotations with issues instead of throwing', () => {
		const vandal = new Y.Doc();
		vandal.transact(() => {
			const thread = new Y.Map<unknown>();
			vandal.getMap('threads').set('t', thread);
			thread.set('anchor', { kind: 'spaceship', id: 'x' });
			thread.set('resolved', 'yes');
			const comments = new Y.Array<unknown>();
			thread.set('comments', comments);
			comments.push(['just text', { id: 'c', author: 'u', text: 'plain', mentions: 'x', createdAt: 1 }]);
			vandal.getMap('threads').set('n', 5);
			vandal.getMap('gaps').set('g', new Y.Map([['anchor', { kind: 'point', x: 'a' }], ['status', 'weird']]));
			vandal.getMap('targets').set('x', new Y.Map<unknown>([['title', 'T'], ['due', 'tomorrow'], ['actors', [1]]]));
			vandal.getMap('reads').set('u', 'garbage');
		});
		const { doc, model } = discussionReplica();
		syncAll(vandal, doc);
		const snapshot = model.snapshot();
		expect(snapshot.threads.map((t) => t.id)).toEqual(['n', 't']);
		const thread = model.thread('t')!;
		expect(thread.anchor).toEqual({ kind: 'spaceship', id: 'x' });
		expect(thread.comments).toHaveLength(2);
		expect(thread.comments[1]).toMatchObject({ text: 'plain', mentions: ['x'] });
		expect(thread.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['anchor.kind:invalid_choice', 'resolved:invalid_type', 'createdBy:required', 'createdAt:required']);
		expect(model.gap('g')!.anchor).toBeNull();
		expect(model.target('x')!.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['due:invalid_date', 'status:required', 'actors:invalid_type', 'createdBy:required', 'createdAt:required']);
		expect(model.unreadCount('u', 't')).toBe(1);
		expect(model.mentionsOf('x')).toHaveLength(1);
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		expect(() => model.markRead('u', 't')).not.toThrow();
		expect(model.unreadCount('u', 't')).toBe(0);
	});
});
