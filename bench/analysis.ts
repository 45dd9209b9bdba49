// Times the network analysis (analyseMap, compareTowns, findGaps) on generated maps of 1k and 10k actors, in this thread.
import { analyseMap, compareTowns, findGaps } from '../src/lib/analysis';
import { generateMap } from './large-map/generate';

const SEED = 20_240_611;
/** Actors, links and how many timed runs (the median is reported). */
const SIZES = [
	{ actors: 1_000, links: 2_000, runs: 5 },
	{ actors: 10_000, links: 20_000, runs: 2 }
] as const;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time, and CPU time of this process (less sensitive to other work on a shared machine; includes GC threads). */
function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	const value = fn();
	const cpu = process.cpuUsage(cpuStart);
	return { value, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const quick = process.argv.includes('--quick');
console.log('size                      analyseMap (cpu)          compareTowns   findGaps   communities  modularity');
for (const size of quick ? SIZES.slice(0, 1) : SIZES) {
	const snapshot = generateMap(SEED, size.actors, size.links).model.snapshot();
	const runs = { analyse: [] as number[], analyseCpu: [] as number[], compare: [] as number[], gaps: [] as number[] };
	let communities = 0;
	let modularity = 0;
	for (let run = 0; run < size.runs; run++) {
		const analysis = timed(() => analyseMap(snapshot));
		runs.analyse.push(analysis.ms);
		runs.analyseCpu.push(analysis.cpuMs);
		runs.compare.push(timed(() => compareTowns(snapshot, analysis.value)).ms);
		runs.gaps.push(timed(() => findGaps(snapshot, analysis.value, { now: Date.now() })).ms);
		communities = analysis.value.communities.length;
		modularity = analysis.value.modularity;
	}
	const label = `${size.actors / 1000}k actors / ${size.links / 1000}k links`.padEnd(26);
	const ms = (values: number[]) => `${median(values).toFixed(0)} ms`.padStart(10);
	console.log(`${label}${ms(runs.analyse)} (${ms(runs.analyseCpu).trim()})`.padEnd(52) + `${ms(runs.compare)}   ${ms(runs.gaps)}   ${String(communities).padStart(10)}  ${modularity.toFixed(3)}`);
}
