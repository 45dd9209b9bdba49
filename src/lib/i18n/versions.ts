// A version's name for people: named versions by their name, automatic ones by why they were saved.
import { m } from '$lib/paraglide/messages';

const BEFORE_RESTORE = 'before-restore:';
const BEFORE_IMPORT = 'before-import:';

const MEETING_START = 'meeting-start:';
const MEETING_END = 'meeting-end:';

export function versionLabel(version: { name: string; kind: string }): string {
	if (version.kind === 'meeting') {
		if (version.name.startsWith(MEETING_START)) return m.history_meeting_start({ title: version.name.slice(MEETING_START.length) });
		if (version.name.startsWith(MEETING_END)) return m.history_meeting_end({ title: version.name.slice(MEETING_END.length) });
		return version.name;
	}
	if (version.kind !== 'auto') return version.name;
	if (version.name === 'hourly') return m.history_auto_hourly();
	if (version.name === 'last-editor-left') return m.history_auto_left();
	if (version.name.startsWith(BEFORE_RESTORE)) return m.history_auto_before_restore({ name: version.name.slice(BEFORE_RESTORE.length) });
	if (version.name.startsWith(BEFORE_IMPORT)) return m.import_history_before({ file: version.name.slice(BEFORE_IMPORT.length) });
	return m.history_automatic();
}
