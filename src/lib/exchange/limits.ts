// Limits of import and export in one place: file size, rows, columns, cell length and how often progress is reported.

/** Larger files are refused before parsing: an XLSX of this size already unpacks to far more in memory. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows per sheet (elements or connections); 10,000 actors and 20,000 links fit comfortably. */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_COLUMNS = 200;
/** Longest cell accepted; the longest map field (description, evidence) is 5000 characters. */
export const MAX_CELL_LENGTH = 10_000;
/** A file error lists at most this many cells, so a broken 100,000-row file does not make a 100,000-line message. */
export const MAX_REPORTED_ERRORS = 100;
/** Rows handled between two progress reports. */
export const PROGRESS_CHUNK = 1000;
/** Spacing and gap of the grid that places imported actors without a position. */
export const GRID_SPACING = 160;
export const GRID_GAP = 400;
/** Kumu's separator of multi-valued cells. */
export const DEFAULT_LIST_SEPARATOR = '|';
