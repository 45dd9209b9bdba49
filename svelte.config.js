import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// KARTTA_BUILD_DIR / KARTTA_KIT_DIR let several builds live side by side (parallel work, CI).
		adapter: adapter({ out: process.env.KARTTA_BUILD_DIR ?? 'build' }),
		outDir: process.env.KARTTA_KIT_DIR ?? '.svelte-kit',
		// SvelteKit's CSRF origin check stays on for form posts (issue 7).
		csrf: { trustedOrigins: [] },
		// 'self' covers same-origin ws:/wss: in current browsers; Cytoscape sets inline styles.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
