/**
 * Exact top-K rows on worker threads (ScoringThreads, scoreRangeParallel): @maillage/candidate-search's
 * search over an index shared with the threads (SharedArrayBuffer), so a rebuild uses every core.
 */
export { ScoringThreads, scoreRangeParallel, scoringThreadFile } from './scoring-threads';
export type { ParallelOptions, SharedRows, ThreadMessage } from './scoring-threads';
