// The production entry: one Node process serving SvelteKit (adapter-node's handler) over HTTP
// and the y-websocket sync endpoint on the same port.
import http from 'node:http';
import { log } from '../src/lib/server/log';
import { MAX_IMPORT_REQUEST_BYTES } from '../src/lib/server/limits';
import { startServices } from './app';
import { vouchForTokenRequest } from './token-origin';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

/**
 * Without ORIGIN, adapter-node assumes https and SvelteKit's CSRF check would refuse every
 * form posted over plain http. This server speaks plain http, so it says so in a header that
 * it always overwrites (a client cannot forge it). Behind a TLS proxy, set ORIGIN.
 */
const PROTOCOL_HEADER = 'x-kartta-protocol';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
/**
 * adapter-node reads BODY_SIZE_LIMIT (default 512K) once, for every route, when handler.js loads.
 * Imports upload files up to MAX_IMPORT_BYTES, so the limit is raised to fit one; the other routes
 * keep their own, smaller limits (src/hooks.server.ts, readJson). An operator's setting wins.
 */
process.env.BODY_SIZE_LIMIT ??= String(MAX_IMPORT_REQUEST_BYTES);

async function main() {
	const app = await startServices();
	// The SvelteKit handler is built next to this file (build/handler.js).
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as { handler: Handler };

	const server = http.createServer((req, res) => {
		req.headers[PROTOCOL_HEADER] = 'http';
		vouchForTokenRequest(req);
		handler(req, res);
	});
	server.on('upgrade', (req, socket, head) => {
		if (!app.sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	server.listen(app.config.port, app.config.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : app.config.port;
		log.info('app.listening', { url: `http://localhost:${port}`, port });
	});

	let shuttingDown = false;
	const shutdown = async (signal: string) => {
		if (shuttingDown) return;
		shuttingDown = true;
		log.info('app.shutdown', { signal });
		server.close();
		server.closeIdleConnections();
		try {
			await app.stop();
		} finally {
			process.exit(0);
		}
	};
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
	log.error('app.start_failed', { error });
	process.exit(1);
});
