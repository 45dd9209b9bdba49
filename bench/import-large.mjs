// `node bench/import-large.mjs`: bundles bench/import-large.ts with esbuild and runs it once.
import { runBundled } from './lib/run-bundled.mjs';

await runBundled('import-large');
