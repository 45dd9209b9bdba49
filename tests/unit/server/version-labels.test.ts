import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime';
import { versionLabel } from '../../../src/lib/i18n/versions';

describe('versionLabel', () => {
	it('names automatic and meeting versions by why they were saved, in the user’s language', () => {
		// The build's locale strategy reads a cookie, which Node has not: name the locale directly.
		overwriteGetLocale(() => 'en');
		expect(versionLabel({ kind: 'named', name: 'Steering group 3' })).toBe('Steering group 3');
		expect(versionLabel({ kind: 'auto', name: 'last-editor-left' })).toBe('Automatic: the last editor left');
		expect(versionLabel({ kind: 'auto', name: 'before-restore:v1' })).toBe('Before restoring “v1”');
		expect(versionLabel({ kind: 'meeting', name: 'meeting-start:Kick-off' })).toBe('Meeting start: Kick-off');
		overwriteGetLocale(() => 'sv');
		expect(versionLabel({ kind: 'meeting', name: 'meeting-end:Kick-off' })).toBe('Mötets slut: Kick-off');
	});
});
