// Element ids the meeting components share (aria-controls, headings to move focus to).
export const MEETING_PANEL_ID = 'meeting-panel';
export const MEETING_HEADING_ID = 'meeting-heading';
