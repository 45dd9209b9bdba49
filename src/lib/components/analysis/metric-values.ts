// The analysis's per-actor figures in the shape the view layer styles by (pure).
import type { Analysis } from '$lib/analysis/types';
import type { ActorMetricValues } from '$lib/editor/view/style-types';

/** Actor id -> metric name -> value. */
export function metricValues(analysis: Pick<Analysis, 'actors'>): ActorMetricValues {
	return new Map(analysis.actors.map(({ id, ...values }) => [id, values]));
}
