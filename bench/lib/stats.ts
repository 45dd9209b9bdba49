// Small statistics and the plain-text tables the benchmark prints.

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
	const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (finite.length === 0) return NaN;
	const mid = finite.length >> 1;
	return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** A growable Float64Array: millions of latency samples without boxing. */
export class Samples {
	private data = new Float64Array(1 << 16);
	length = 0;
	push(value: number): void {
		if (this.length === this.data.length) {
			const grown = new Float64Array(this.data.length * 2);
			grown.set(this.data);
			this.data = grown;
		}
		this.data[this.length++] = value;
	}
	at(index: number): number {
		return this.data[index]!;
	}
	sorted(): Float64Array {
		return this.data.slice(0, this.length).sort();
	}
}

export function fmtMs(ms: number): string {
	if (!Number.isFinite(ms)) return '–';
	if (ms < 10) return ms.toFixed(2);
	if (ms < 100) return ms.toFixed(1);
	return ms.toFixed(0);
}

export function fmtBytes(bytes: number): string {
	if (!Number.isFinite(bytes)) return '–';
	if (bytes < 1024) return `${bytes.toFixed(0)} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function fmtRatio(ratio: number): string {
	return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

export function fmtCount(n: number): string {
	if (!Number.isFinite(n)) return '–';
	return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0);
}

/** A left-aligned first column and right-aligned numbers, in Markdown table syntax. */
export function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		'| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
	const rule = '|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
	return [line(headers), rule, ...rows.map(line)].join('\n');
}

export interface TargetCheck {
	name: string;
	measured: string;
	target: string;
	/** null: not measured. */
	holds: boolean | null;
	note?: string;
}

export function targetTable(checks: TargetCheck[]): string {
	return table(
		['target', 'measured', 'limit', 'holds'],
		checks.map((c) => [
			c.name,
			c.measured,
			c.target,
			`${c.holds === null ? 'not measured' : c.holds ? 'yes' : 'NO'}${c.note ? ` (${c.note})` : ''}`
		])
	);
}
