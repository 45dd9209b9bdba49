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
		}
	}
}

export {};
