// Element ids the discussion components share (for aria-controls and moving focus).
export const DISCUSSION_PANEL_ID = 'discussion-panel';
export const DISCUSSION_VIEW_HEADING_ID = 'discussion-view-heading';
export const DISCUSSION_HEADING_ID = 'discussion-heading';
export const DISCUSSION_TOGGLE_ID = 'discussion-toggle';
