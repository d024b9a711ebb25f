/**
 * Alliance forms (pure: no Nest, no database), on top of @maillage/scoring's complementarity:
 * - forms.ts: per-actor traits and the four forms' additive scores (kernel-friendly scalars);
 * - alliance.ts: scoreAlliance, every form explained in French, the blended (best-form) score;
 * - form-search.ts: top-K per form over a candidate-search index (same blocking and exclusions);
 * - form-facts.ts: what that search reads per actor, as shareable typed arrays (scoring threads);
 * - stored-row.ts: the partners stored per actor (blended top-k ∪ each form's top).
 */
export * from './forms';
export * from './alliance';
export * from './form-search';
export * from './form-facts';
export * from './stored-row';
