// `npm run bench`: bundles the TypeScript benchmark (it uses the real map model and server code)
// with esbuild, as scripts/build-server.mjs does, then runs it with enough open files for the
// connection test. Arguments pass through, e.g. `npm run bench -- --quick` or `-- --only=sync`.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

process.chdir(join(import.meta.dirname, '..'));

const OUT_DIR = 'node_modules/.cache/kartta-bench';
/** A private copy of build/, so a rebuild by someone else mid-run cannot pull the server away. */
const APP_DIR = `${OUT_DIR}/app`;
/** The build to measure: build/ or KARTTA_BUILD_DIR (parallel builds live side by side). */
const BUILD_DIR = process.env.KARTTA_BUILD_DIR ?? 'build';
const BUILD_OUTPUTS = ['handler.js', 'kartta-server.js', 'kartta-cli.js', 'overview-worker.js'].map((file) => join(BUILD_DIR, file));
/** The connection test holds 2,000 sockets on each side of loopback, plus files and pipes. */
const MIN_OPEN_FILES = 8192;

if (!BUILD_OUTPUTS.every((file) => existsSync(file))) {
	console.error(`No build in ${BUILD_DIR}/: run \`npm run build\` first (\`npm run bench\` does).`);
	process.exit(1);
}
rmSync(APP_DIR, { recursive: true, force: true });
cpSync(BUILD_DIR, APP_DIR, { recursive: true });

await build({
	entryPoints: { main: 'bench/main.ts', 'load-room': 'bench/large-map/load-room.ts' },
	outdir: OUT_DIR,
	outExtension: { '.js': '.mjs' },
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});

// Node cannot raise its own open-file limit, so a shell raises it (up to the hard limit) and execs.
const raiseLimit = `n=$(ulimit -n); if [ "$n" != unlimited ] && [ "$n" -lt ${MIN_OPEN_FILES} ]; then ulimit -n ${MIN_OPEN_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; fi; exec "$@"`;
const child = spawn(
	'/bin/sh',
	// --expose-gc: the load generator empties its young generation between moves (bench/sync-load.ts).
	['-c', raiseLimit, 'sh', process.execPath, '--enable-source-maps', '--expose-gc', `${OUT_DIR}/main.mjs`, ...process.argv.slice(2)],
	{ stdio: 'inherit' }
);
// Passed on, so the benchmark stops its servers and removes its temporary data on the way out.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
