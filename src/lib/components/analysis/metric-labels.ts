// The words of the analysis: each metric's and network figure's name, and how a figure is written in the user's language.
import { m } from '$lib/paraglide/messages';
import { ACTOR_METRICS, type ActorMetricName, type NetworkMetrics } from '$lib/analysis/types';
import { COMMUNITY_METRIC } from '$lib/editor/view/view-state';

const METRIC_NAMES: Record<ActorMetricName, () => string> = {
	degree: m.analysis_metric_degree,
	inDegree: m.analysis_metric_in_degree,
	outDegree: m.analysis_metric_out_degree,
	weightedDegree: m.analysis_metric_weighted_degree,
	betweenness: m.analysis_metric_betweenness,
	closeness: m.analysis_metric_closeness,
	eigenvector: m.analysis_metric_eigenvector,
	pagerank: m.analysis_metric_pagerank,
	community: m.analysis_metric_community
};

export function isMetricName(name: string): name is ActorMetricName {
	return (ACTOR_METRICS as readonly string[]).includes(name);
}

/** A metric's name; one from a newer version is shown as stored. */
export function metricName(name: string): string {
	return isMetricName(name) ? METRIC_NAMES[name]() : name;
}

/** Metrics that are amounts (size by, sort by); the community is a group. */
export const NUMERIC_METRICS: readonly ActorMetricName[] = ACTOR_METRICS.filter((name) => name !== COMMUNITY_METRIC);

export const NETWORK_FIGURES = ['actors', 'links', 'density', 'components', 'averageDegree', 'averagePathLength', 'diameter', 'reciprocity'] as const satisfies readonly (keyof NetworkMetrics)[];
export type NetworkFigure = (typeof NETWORK_FIGURES)[number];

const FIGURE_NAMES: Record<NetworkFigure, () => string> = {
	actors: m.analysis_figure_actors,
	links: m.analysis_figure_links,
	density: m.analysis_figure_density,
	components: m.analysis_figure_components,
	averageDegree: m.analysis_figure_average_degree,
	averagePathLength: m.analysis_figure_average_path_length,
	diameter: m.analysis_figure_diameter,
	reciprocity: m.analysis_figure_reciprocity
};

export const figureName = (figure: NetworkFigure): string => FIGURE_NAMES[figure]();

/** Significant digits shown for fractional figures (PageRank values are small). */
const SHOWN_DIGITS = 3;

/** A figure in the user's language: whole numbers as they are, fractions to three significant digits, none as a dash. */
export function formatFigure(value: number | null | undefined, locale: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	if (Number.isInteger(value)) return value.toLocaleString(locale);
	return value.toLocaleString(locale, { maximumSignificantDigits: SHOWN_DIGITS });
}

/** A metric's value as shown: the community numbered from 1, other figures formatted. */
export function formatMetric(name: string, value: number | undefined, locale: string): string {
	if (name === COMMUNITY_METRIC) return value === undefined ? '–' : String(value + 1);
	return formatFigure(value, locale);
}

/** A share 0..1 as a whole percentage. */
export function formatShare(share: number, locale: string): string {
	return share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
}
