// Runs @y/websocket-server's own binary (src/server.js: in-memory documents, as it ships, on
// HOST:PORT) and exits cleanly on SIGTERM, so a --cpu-prof profile of it gets written.
process.on('SIGTERM', () => process.exit(0));
await import('../../node_modules/@y/websocket-server/src/server.js');
