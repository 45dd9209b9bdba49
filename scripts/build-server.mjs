// Bundles the Node entry points (server and CLI) next to SvelteKit's build output.
import { build } from 'esbuild';

await build({
	entryPoints: { 'kartta-server': 'server/main.ts', 'kartta-cli': 'server/cli.ts' },
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log('built build/kartta-server.js and build/kartta-cli.js');
