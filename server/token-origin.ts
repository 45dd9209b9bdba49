// Lets scripts with an API token post forms (an import's multipart upload) past SvelteKit's CSRF origin check.
import type http from 'node:http';

/**
 * SvelteKit refuses a form-encoded POST (multipart included) whose Origin is not the site's own:
 * a defence against cross-site forms riding on the session cookie. A request that carries an
 * `Authorization` header cannot be such a form (forms cannot set headers, and a cross-site fetch
 * that sets one is stopped by CORS, which this server never grants), so a script's token request
 * without an Origin is given the site's own origin. Cookie-only requests are left as they are.
 */
export function vouchForTokenRequest(req: http.IncomingMessage): void {
	if (req.headers.origin !== undefined || !req.headers.authorization?.toLowerCase().startsWith('bearer ')) return;
	const origin = ownOrigin(req);
	if (origin !== null) req.headers.origin = origin;
}

/** The origin adapter-node computes for this request: ORIGIN, else the protocol header and Host. */
function ownOrigin(req: http.IncomingMessage): string | null {
	if (process.env.ORIGIN) return new URL(process.env.ORIGIN).origin;
	const host = req.headers.host;
	if (!host) return null;
	const protocolHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
	const protocol = (protocolHeader && req.headers[protocolHeader]) || 'https';
	return `${String(protocol)}://${host}`;
}
