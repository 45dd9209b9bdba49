// Paraglide's compiler options, in one place: the Vite plugin (vite.config.ts) and the compile that
// `npm run check` and `prepare` run before the app is built (scripts/paraglide-compile.mjs) must write
// the same runtime, or a check run leaves one behind that reads another locale cookie.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'kartta_locale'
};
