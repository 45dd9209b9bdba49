// Bundles the Node entry points (server and CLI) next to SvelteKit's build output.
import { build } from 'esbuild';

await build({
	// The overview worker sits next to the server, where server/overview/overview-builder.ts looks for it.
	entryPoints: { 'kartta-server': 'server/main.ts', 'kartta-cli': 'server/cli.ts', 'overview-worker': 'server/overview/overview-worker.ts' },
	outdir: process.env.KARTTA_BUILD_DIR ?? 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log(`built ${process.env.KARTTA_BUILD_DIR ?? 'build'}/kartta-server.js, kartta-cli.js and overview-worker.js`);
