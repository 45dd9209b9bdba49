// The actors table's network-metric columns: read-only, sortable, shown once the analysis has run.
import { ACTOR_METRICS, type ActorMetrics } from '$lib/analysis/types';
import type { ActorView } from '$lib/map';
import { formatMetric, metricName } from '$lib/components/analysis/metric-labels';
import type { GridColumn } from './grid-types';

const METRIC_COLUMN_WIDTH = '8rem';

export function metricColumns(byActor: ReadonlyMap<string, ActorMetrics>, locale: string): GridColumn<ActorView>[] {
	return ACTOR_METRICS.map((name) => ({
		key: `metric.${name}`,
		label: metricName(name),
		width: METRIC_COLUMN_WIDTH,
		// An actor added since the last run has no figures yet: it sorts with the empty cells.
		sortValue: (row) => byActor.get(row.id)?.[name] ?? null,
		text: (row) => {
			const value = byActor.get(row.id)?.[name];
			return value === undefined ? '' : formatMetric(name, value, locale);
		}
	}));
}
