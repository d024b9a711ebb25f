/**
 * Pure complementarity scoring (no Nest, no database). See README.md and the notes in each module:
 * - scorePair: explainable reciprocal score of two actors;
 * - buildIndex + topKPartners / scoreAll / scoreRange: top-K without all pairs;
 * - bruteForceTopK + recallAtK: exact reference and recall check;
 * - localCausesScore, triadScore: helpers for the company and lab queries.
 */
export * from './version';
export * from './types';
export * from './profile';
export * from './taxonomy';
export * from './rarity';
export * from './pair-context';
export { COMPONENT_NAMES, COMPONENT_COUNT } from './formulas';
export { normalizeActor, assertActor } from './normalize';
export type { NormalizedActor } from './normalize';
export { proximity, territoryKeys } from './territory';
export type { ProximityResult } from './territory';
export { directedCoverage, TOP_MATCHES } from './coverage';
export { scorePair, scoreNormalized, ensureValidProfile } from './score-pair';
export type { ScoringContext } from './score-pair';
export { ScoringIndex, buildIndex } from './candidate-index';
export type { BuildIndexOptions, CompiledProfile } from './candidate-index';
export { ScoreKernel } from './kernel';
export { blockCodes, collectGeo, shareBlock } from './blocks';
export type { BlockLayout, GeoFacts, Postings } from './blocks';
export { TopKSearcher, topKPartners, scoreAll, scoreRange, partnersOf, searcherFor } from './top-k';
export type { Partner, SearchStats, ScoreAllOptions, ScoreAllResult } from './top-k';
export { bruteForceTopK, bruteForceTopKMany, recallAtK, naiveTopK } from './brute-force';
export { localCausesScore, triadScore, sharedTerritoryOf } from './queries';
export type { LocalCausesOptions, LocalCauseScore, TriadScore, NamedComponent } from './queries';
