// Builds the app when there is no build yet or the sources changed since the last one,
// so `npm start` and `npm run cli` work straight after `npm ci`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const OUTPUTS = ['build/handler.js', 'build/kartta-server.js', 'build/kartta-cli.js', 'build/overview-worker.js'];
const SOURCES = ['src', 'server', 'messages', 'project.inlang/settings.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const IGNORED = new Set(['paraglide', 'node_modules']);

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path)) {
		if (IGNORED.has(entry)) continue;
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

export function buildIsCurrent() {
	if (!OUTPUTS.every((file) => existsSync(file))) return false;
	const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
	return Math.max(...SOURCES.map(newestMtime)) <= built;
}

if (!buildIsCurrent()) {
	console.error('Building Kartta (first start or sources changed)…');
	execSync('npm run build', { stdio: ['ignore', 'inherit', 'inherit'] });
}
