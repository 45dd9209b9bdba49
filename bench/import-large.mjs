// `node bench/import-large.mjs`: bundles bench/import-large.ts with esbuild (as bench/analysis.mjs does) and runs it once.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

process.chdir(join(import.meta.dirname, '..'));
const OUT_FILE = 'node_modules/.cache/kartta-bench/import-large.mjs';

await build({
	entryPoints: ['bench/import-large.ts'],
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
