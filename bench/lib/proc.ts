// Reads a process's CPU time and memory from /proc, the same way for every server under test.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Kernel clock ticks per second for /proc/<pid>/stat times (100 on Linux almost always). */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export interface ProcessSample {
	/** User + system CPU time so far, in milliseconds. */
	cpuMs: number;
	/** Resident memory now (VmRSS) and its peak over the process's life (VmHWM), in bytes. */
	rssBytes: number;
	peakRssBytes: number;
}

export function sampleProcess(pid: number): ProcessSample {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may contain spaces) start at field 3 (state).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]); // utime (14) + stime (15)
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
	return { cpuMs: (ticks * 1000) / CLOCK_TICKS, rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/** CPU used between two samples, as a share of one core (1 = one core fully busy). */
export function coreShare(before: ProcessSample, after: ProcessSample, wallMs: number): number {
	return wallMs > 0 ? (after.cpuMs - before.cpuMs) / wallMs : 0;
}
