/**
 * Exact top-K rows on worker threads (ScoringThreads, scoreRangeParallel): @maillage/candidate-search's
 * search over an index shared with the threads (SharedArrayBuffer), so a rebuild uses every core;
 * `storedRows` computes whole stored rows there (every alliance form, @maillage/alliance-forms).
 */
export { ScoringThreads, resourcesOf, scoreRangeParallel, scoringThreadFile } from './scoring-threads';
export type { ParallelOptions, SharedRows, SharedStoredRows, ThreadMessage } from './scoring-threads';
