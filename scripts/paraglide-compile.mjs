// Compiles the messages and the locale runtime to src/lib/paraglide without a Vite build, with the
// options the Vite plugin uses (scripts/paraglide-options.js).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
