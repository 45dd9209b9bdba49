// Zachary's karate club (1977): 34 members, 78 friendships, numbered 1..34 as in the paper and NetworkX.
export const KARATE_MEMBERS = 34;

/** Undirected edges, as `nx.karate_club_graph()` lists them (shifted to 1-based). */
export const KARATE_EDGES: readonly (readonly [number, number])[] = (
	'1-2 1-3 1-4 1-5 1-6 1-7 1-8 1-9 1-11 1-12 1-13 1-14 1-18 1-20 1-22 1-32 2-3 2-4 2-8 2-14 2-18 2-20 2-22 ' +
	'2-31 3-4 3-8 3-9 3-10 3-14 3-28 3-29 3-33 4-8 4-13 4-14 5-7 5-11 6-7 6-11 6-17 7-17 9-31 9-33 9-34 10-34 ' +
	'14-34 15-33 15-34 16-33 16-34 19-33 19-34 20-34 21-33 21-34 23-33 23-34 24-26 24-28 24-30 24-33 24-34 ' +
	'25-26 25-28 25-32 26-32 27-30 27-34 28-34 29-32 29-34 30-33 30-34 31-33 31-34 32-33 32-34 33-34'
)
	.split(' ')
	.map((pair) => pair.split('-').map(Number) as [number, number]);

/**
 * Published values (NetworkX 3.6 on the unweighted graph, rounded to 4 places; checked on this
 * machine with `nx.karate_club_graph()` after dropping its edge weights).
 * Betweenness: normalised by (n-1)(n-2)/2. Closeness: (n-1)/sum of distances. Eigenvector:
 * unit Euclidean length. PageRank: alpha 0.85.
 */
export const KARATE_REFERENCE = {
	density: 0.139,
	diameter: 5,
	averagePathLength: 2.4082,
	articulationPoints: [1],
	members: {
		1: { degree: 16, betweenness: 0.4376, closeness: 0.569, eigenvector: 0.3555, pagerank: 0.097 },
		3: { degree: 10, betweenness: 0.1437, closeness: 0.5593, eigenvector: 0.3172, pagerank: 0.0571 },
		33: { degree: 12, betweenness: 0.1452, closeness: 0.5156, eigenvector: 0.3087, pagerank: 0.0717 },
		34: { degree: 17, betweenness: 0.3041, closeness: 0.55, eigenvector: 0.3734, pagerank: 0.1009 }
	},
	/** NetworkX's Louvain (seed 1): communities and modularity by resolution. */
	louvain: { 0.5: { count: 2, modularity: 0.6218 }, 1: { count: 4, modularity: 0.4188 }, 2: { count: 7, modularity: 0.1611 } }
} as const;
