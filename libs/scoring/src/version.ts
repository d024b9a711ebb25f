/**
 * Version of the scoring model (formulas, not weights). Bump it whenever a formula changes so that
 * stored COMPLEMENTS edges computed by an older model can be recognised and rebuilt.
 */
export const MODEL_VERSION = 'complementarity-2.1.0';
