// The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure with the __Host- prefix behind HTTPS.
import type { Cookies } from '@sveltejs/kit';
import type { AppConfig } from './config';

export function setSessionCookie(cookies: Cookies, config: AppConfig, token: string, expiresAt: number): void {
	cookies.set(config.cookieName, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, config: AppConfig): void {
	cookies.delete(config.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
