/**
 * @maillage/scoring's formulas as plain bindings of this library. Its index is compiled to CommonJS
 * re-exports, which are getters: one call per use, and the kernel, the search and the index build
 * use these per pair, per candidate or per item. Import them from here, not from the index.
 */
import {
  ALLIED_EXCLUDE as ALLIED_EXCLUDE_,
  ALLIED_NONE as ALLIED_NONE_,
  ALLIED_PENALISE as ALLIED_PENALISE_,
  COMPONENT_COUNT as COMPONENT_COUNT_,
  assemble as assemble_,
  formsCompatibility as formsCompatibility_,
  gateOf as gateOf_,
  popcount as popcount_,
  reciprocityOf as reciprocityOf_,
  setSimilarity as setSimilarity_,
  trustValue as trustValue_,
} from '@maillage/scoring';

export const ALLIED_EXCLUDE = ALLIED_EXCLUDE_;
export const ALLIED_NONE = ALLIED_NONE_;
export const ALLIED_PENALISE = ALLIED_PENALISE_;
export const COMPONENT_COUNT = COMPONENT_COUNT_;
export const assemble = assemble_;
export const formsCompatibility = formsCompatibility_;
export const gateOf = gateOf_;
export const popcount = popcount_;
export const reciprocityOf = reciprocityOf_;
export const setSimilarity = setSimilarity_;
export const trustValue = trustValue_;
