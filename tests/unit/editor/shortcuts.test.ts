// Editor shortcuts: editing, clipboard, selection and view keys, never while the user types in a field; the help lists every one.
import { describe, it, expect } from 'vitest';
import { shortcutFor, SHORTCUT_LIST, type KeyLike, type ShortcutAction } from '$lib/components/editor/shortcuts';

const key = (k: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	altKey: false,
	target: null,
	...modifiers
});

describe('shortcutFor', () => {
	it('maps the editing shortcuts', () => {
		expect(shortcutFor(key('Delete'))).toBe('delete');
		expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
		expect(shortcutFor(key('z', { metaKey: true }))).toBe('undo');
		expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
		expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
		expect(shortcutFor(key('y', { ctrlKey: true }))).toBe('redo');
	});

	it('maps clipboard, selection and view keys', () => {
		expect(shortcutFor(key('c', { ctrlKey: true }))).toBe('copy');
		expect(shortcutFor(key('v', { metaKey: true }))).toBe('paste');
		expect(shortcutFor(key('d', { ctrlKey: true }))).toBe('duplicate');
		expect(shortcutFor(key('a', { ctrlKey: true }))).toBe('selectAll');
		expect(shortcutFor(key('?', { shiftKey: true }))).toBe('help');
		expect(shortcutFor(key('/'))).toBe('search');
		expect(shortcutFor(key('f'))).toBe('fit');
		expect(shortcutFor(key('+', { shiftKey: true }))).toBe('zoomIn');
		expect(shortcutFor(key('-'))).toBe('zoomOut');
		expect(shortcutFor(key('b'))).toBe('boxSelect');
		expect(shortcutFor(key('Escape'))).toBe('clearSelection');
	});

	it('ignores other keys and combinations', () => {
		expect(shortcutFor(key('z'))).toBeNull();
		expect(shortcutFor(key('Backspace'))).toBeNull();
		expect(shortcutFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
		expect(shortcutFor(key('Delete', { shiftKey: true }))).toBeNull();
		expect(shortcutFor(key('f', { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(key('F', { shiftKey: true }))).toBeNull();
	});

	it('lists every keyboard action in the help', () => {
		const actions: ShortcutAction[] = ['delete', 'undo', 'redo', 'copy', 'paste', 'duplicate', 'selectAll', 'clearSelection', 'fit', 'zoomIn', 'zoomOut', 'search', 'boxSelect', 'help'];
		const listed = new Set(SHORTCUT_LIST.map((entry) => entry.id));
		for (const action of actions) expect(listed.has(action), action).toBe(true);
	});
});
