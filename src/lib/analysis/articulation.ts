// Articulation points (cut vertices) of an undirected graph, with how much of its component each one holds together.
import type Graph from 'graphology';

/** An actor whose removal splits its connected component. */
export interface ArticulationPoint {
	id: string;
	/** Size of the component it belongs to (itself included). */
	componentSize: number;
	/** How many parts the rest of the component falls into without it (at least 2). */
	parts: number;
	/** Actors cut off from the largest remaining part. */
	cutOff: number;
}

interface Frame {
	node: string;
	neighbours: string[];
	next: number;
}

/**
 * Hopcroft–Tarjan by depth-first search, iterative so that a long chain of actors cannot overflow
 * the stack. Hand-written: graphology and its metrics packages have no articulation points.
 * A child subtree whose low-link does not reach above a node is cut off when that node goes.
 */
export function articulationPoints(graph: Graph): ArticulationPoint[] {
	const discovery = new Map<string, number>();
	const low = new Map<string, number>();
	const subtreeSize = new Map<string, number>();
	/** Sizes of the child subtrees each node would cut off. */
	const separated = new Map<string, number[]>();
	const points: ArticulationPoint[] = [];
	let time = 0;

	for (const root of graph.nodes()) {
		if (discovery.has(root)) continue;
		const visited: string[] = [];
		const visit = (node: string): Frame => {
			discovery.set(node, time);
			low.set(node, time);
			time += 1;
			subtreeSize.set(node, 1);
			separated.set(node, []);
			visited.push(node);
			return { node, neighbours: graph.neighbors(node), next: 0 };
		};
		const parent = new Map<string, string>();
		const stack: Frame[] = [visit(root)];
		while (stack.length > 0) {
			const frame = stack[stack.length - 1]!;
			if (frame.next < frame.neighbours.length) {
				const neighbour = frame.neighbours[frame.next++]!;
				if (!discovery.has(neighbour)) {
					parent.set(neighbour, frame.node);
					stack.push(visit(neighbour));
				} else if (neighbour !== parent.get(frame.node)) {
					low.set(frame.node, Math.min(low.get(frame.node)!, discovery.get(neighbour)!));
				}
				continue;
			}
			stack.pop();
			const up = parent.get(frame.node);
			if (up === undefined) continue;
			low.set(up, Math.min(low.get(up)!, low.get(frame.node)!));
			subtreeSize.set(up, subtreeSize.get(up)! + subtreeSize.get(frame.node)!);
			if (low.get(frame.node)! >= discovery.get(up)!) separated.get(up)!.push(subtreeSize.get(frame.node)!);
		}

		const componentSize = visited.length;
		for (const node of visited) {
			const pieces = separated.get(node)!;
			// The root has no part above it; any other node also leaves the part that holds its parent.
			const rest = componentSize - 1 - pieces.reduce((sum, size) => sum + size, 0);
			const parts = node === root ? pieces : [...pieces, rest];
			if (parts.length < 2) continue;
			points.push({ id: node, componentSize, parts: parts.length, cutOff: componentSize - 1 - Math.max(...parts) });
		}
	}
	return points.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
