/**
 * Maximum-weight matching on a general graph (Edmonds' blossom algorithm), with a certificate of
 * optimality. Generic and pure: integer weights on vertex indices, nothing about schedules.
 */
export {
  certifiedMaxWeightMatching,
  matchingWeight,
  maxWeightMatching,
  type CertifiedMatching,
  type MatchingGraph,
} from './max-weight-matching';
