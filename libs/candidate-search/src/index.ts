/**
 * Top-K complementary partners without scoring all pairs (pure: no Nest, no database), built on
 * @maillage/scoring's formulas. See libs/candidate-search/README.md:
 * - buildIndex + topKPartners / scoreAll / scoreRange: candidate index, territory blocks, exact
 *   top-K pruned by upper bounds (TopKSearcher);
 * - ScoringIndex.toShared / fromShared: the index on SharedArrayBuffers (@maillage/scoring-threads);
 * - ScoreKernel: the typed-array scorer, bit-identical to scorePair;
 * - bruteForceTopK + recallAtK: exact reference and recall check; naiveTopK: the all-pairs baseline.
 */
export { ScoringIndex, buildIndex, toSab } from './candidate-index';
export type { BuildIndexOptions, CompiledProfile, IndexOrigin, SharedIndex } from './candidate-index';
export { ScoreKernel } from './kernel';
export { shareBlock } from '@maillage/actor-table';
export type { BlockLayout, Postings } from '@maillage/actor-table';
export { TopKSearcher, topKPartners, scoreAll, scoreRange, partnersOf, searcherFor } from './top-k';
export type { Partner, SearchStats, ScoreAllOptions, ScoreAllResult } from './top-k';
export { bruteForceTopK, bruteForceTopKMany, recallAtK, naiveTopK } from './brute-force';
