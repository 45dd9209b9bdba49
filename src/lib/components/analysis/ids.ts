// Element ids the analysis components share (for aria-controls and moving focus).
export const ANALYSIS_PANEL_ID = 'analysis-panel';
export const ANALYSIS_HEADING_ID = 'analysis-heading';
export const ANALYSIS_TOGGLE_ID = 'analysis-toggle';
export const GAP_FINDER_HEADING_ID = 'gap-finder-heading';
