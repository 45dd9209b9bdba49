// `node bench/analysis.mjs [--quick]`: bundles bench/analysis.ts with esbuild and runs it.
import { runBundled } from './lib/run-bundled.mjs';

await runBundled('analysis');
