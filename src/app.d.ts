// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Authentication } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Error {
			code?: string;
			message: string;
		}
		interface Locals {
			auth: Authentication | null;
			user: Authentication['user'] | null;
			/** A guest's read-only share link (only when nobody is logged in). */
			share: { linkId: string; mapId: string; label: string; expiresAt: number } | null;
		}
	}
}

export {};
