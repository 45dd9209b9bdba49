// Analysis for the comparison and report pages: computed in the browser (in a worker for large maps), so the one server process that also carries every map's live sync never spends seconds on betweenness.
import type { MapSnapshot } from '$lib/map';
import type { Analysis, TownComparison } from '$lib/analysis/types';

export interface PageAnalysis {
	analysis: Analysis;
	comparison: TownComparison;
}

export async function analyseForPage(snapshot: MapSnapshot): Promise<PageAnalysis> {
	const core = await import('$lib/analysis');
	const runner = core.createAnalysisRunner();
	try {
		const analysis = await runner.analyse(snapshot);
		return { analysis, comparison: core.compareTowns(snapshot, analysis) };
	} finally {
		runner.destroy();
	}
}

/** The kind matrix names kinds by their ids (the core has no language): the page names them in the user's. */
export function translateKindMatrix<T extends { rows: { key: string; label: string }[]; columns: { key: string; label: string }[] }>(matrix: T, kindName: (kind: string) => string): T {
	const name = (entry: { key: string; label: string }) => ({ ...entry, label: kindName(entry.key) });
	return { ...matrix, rows: matrix.rows.map(name), columns: matrix.columns.map(name) };
}
