import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './scripts/paraglide-options.js';
import { defineConfig, type Plugin } from 'vite';

/**
 * `npm run dev` serves the same /sync/<mapId> WebSocket endpoint as production: the services
 * are loaded through Vite's SSR module graph and share the dev server's HTTP port.
 */
function karttaSync(): Plugin {
	return {
		name: 'kartta-sync',
		apply: 'serve',
		async configureServer(server) {
			const app = await server.ssrLoadModule('/server/app.ts');
			const running = await app.startServices();
			server.httpServer?.on('upgrade', (req, socket, head) => {
				// Vite's own HMR socket shares this server: only /sync/ is ours.
				running.sync.handleUpgrade(req, socket, head);
			});
			server.httpServer?.on('close', () => void running.stop());
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit(),
		karttaSync()
	],
	server: { port: 5173 }
});
