import { json, type RequestHandler } from '@sveltejs/kit';

const notFound: RequestHandler = ({ url }) =>
	json({ error: { code: 'not_found', message: `No API route ${url.pathname}.` } }, { status: 404 });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
