// `node bench/analysis.mjs [--quick]`: bundles bench/analysis.ts with esbuild (as bench/run.mjs does) and runs it.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

process.chdir(join(import.meta.dirname, '..'));
const OUT_FILE = 'node_modules/.cache/kartta-bench/analysis.mjs';

await build({
	entryPoints: ['bench/analysis.ts'],
	outfile: OUT_FILE,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning'
});

const child = spawn(process.execPath, [OUT_FILE, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
