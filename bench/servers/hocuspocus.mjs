// Runs @hocuspocus/server in its own process for the benchmark: in-memory documents, no
// extensions, on HOST:PORT. Stops on SIGTERM (Hocuspocus installs its own signal handlers).
import { Server } from '@hocuspocus/server';

const server = new Server({
	port: Number(process.env.PORT),
	address: process.env.HOST ?? '127.0.0.1',
	quiet: true
});
await server.listen();
