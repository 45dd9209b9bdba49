// Public API of the network analysis: metrics per actor, network and town, communities, town comparison and gap suggestions.
// Pure TypeScript over a MapSnapshot (no Svelte, no Y.Doc); docs/analysis.md says how each measure is defined.
export * from './types';
export { analyseMap, resolveOptions } from './analyse';
export { compareTowns, KNOWLEDGE_KINDS } from './compare';
export { findGaps, pendingSuggestions, GAP_TYPE_OF_RULE } from './gaps';
export { mulberry32 } from './random';
export { AnalysisSupersededError, WORKER_THRESHOLD_ACTORS, createAnalysisRunner, isSuperseded } from './client';
export type { AnalysisRunner, AnalysisRunnerOptions } from './client';
export type { AnalysisRequest, AnalysisResponse } from './messages';
