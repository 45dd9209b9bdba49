// Editor shortcuts: Delete, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, but never while the user types in a field.
import { describe, it, expect } from 'vitest';
import { shortcutFor, type KeyLike } from '$lib/components/editor/shortcuts';

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

	it('ignores other keys and combinations', () => {
		expect(shortcutFor(key('z'))).toBeNull();
		expect(shortcutFor(key('Backspace'))).toBeNull();
		expect(shortcutFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
		expect(shortcutFor(key('Delete', { shiftKey: true }))).toBeNull();
	});
});
