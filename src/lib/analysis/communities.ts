// Louvain communities of the undirected weighted graph, numbered largest first, the same for the same seed.
import louvain from 'graphology-communities-louvain';
import type { AnalysisGraphs } from './graph';
import { mulberry32 } from './random';
import type { CommunitySummary } from './types';

export interface Communities {
	/** Actor id -> 0-based community index, largest community first. */
	membership: Map<string, number>;
	communities: CommunitySummary[];
	modularity: number;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups by Louvain's labels, then numbers groups by size (ties: smallest member id first) so indices do not depend on Louvain's internal labels. */
function numberBySize(labels: Record<string, number>, actorIds: readonly string[]): Omit<Communities, 'modularity'> {
	const groups = new Map<number, string[]>();
	for (const id of actorIds) {
		const label = labels[id] ?? -1;
		const group = groups.get(label);
		if (group) group.push(id);
		else groups.set(label, [id]);
	}
	const ordered = [...groups.values()]
		.map((members) => members.sort(compareIds))
		.sort((a, b) => b.length - a.length || compareIds(a[0]!, b[0]!));
	const membership = new Map<string, number>();
	const communities = ordered.map((members, index) => {
		for (const id of members) membership.set(id, index);
		return { index, size: members.length, members };
	});
	return { membership, communities };
}

export function detectCommunities(graphs: AnalysisGraphs, resolution: number, seed: number): Communities {
	const graph = graphs.undirected;
	// Without links there is nothing to cluster (and modularity is undefined): each actor alone.
	if (graph.size === 0) {
		const labels = Object.fromEntries(graphs.actorIds.map((id, index) => [id, index]));
		return { ...numberBySize(labels, graphs.actorIds), modularity: 0 };
	}
	const result = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: mulberry32(seed) });
	return { ...numberBySize(result.communities, graphs.actorIds), modularity: result.modularity };
}
