/**
 * Pure complementarity scoring (no Nest, no database). See README.md and the notes in each module:
 * - scorePair: explainable reciprocal score of two actors;
 * - localCausesScore, triadScore: helpers for the company and lab queries.
 * Top-K search over a population (index, kernel, brute-force reference) is @maillage/candidate-search;
 * seeded fixtures for tests and benchmarks are @maillage/scoring/testing.
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
export { localCausesScore, triadScore, sharedTerritoryOf } from './queries';
export type { LocalCausesOptions, LocalCauseScore, TriadScore, NamedComponent } from './queries';

// The formula primitives, for @maillage/candidate-search's typed-array kernel: it computes with the
// same functions in the same order, so its scores stay bit-identical to scorePair (tested there).
export {
  ALLIED_EXCLUDE,
  ALLIED_NONE,
  ALLIED_PENALISE,
  assemble,
  formsCompatibility,
  fuse,
  gateOf,
  needWeight,
  offerValue,
  popcount,
  reciprocityOf,
  setSimilarity,
  sizeOrdinal,
  trustValue,
} from './formulas';
export {
  causesMaskOf,
  causesOfMask,
  cmpStr,
  formsMaskOf,
  normalizeNeeds,
  normalizeOffers,
} from './normalize';
export { levelRank } from './territory';
