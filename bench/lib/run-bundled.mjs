// Bundles one TypeScript benchmark script under bench/ with esbuild (as bench/run.mjs bundles the
// main benchmark) and runs it, passing the command line's arguments through.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const OUT_DIR = 'node_modules/.cache/kartta-bench';

/** `name` is the script's path under bench/ without `.ts`, e.g. `analysis`. */
export async function runBundled(name) {
	process.chdir(join(import.meta.dirname, '..', '..'));
	const outFile = `${OUT_DIR}/${name}.mjs`;
	await build({
		entryPoints: [`bench/${name}.ts`],
		outfile: outFile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		logLevel: 'warning'
	});
	const child = spawn(process.execPath, [outFile, ...process.argv.slice(2)], { stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 1));
}
