/**
 * How good a schedule could be (pure: no Nest, no database; HiGHS in WebAssembly): the pair LP
 * relaxation of a ScheduleProblem gives an upper bound on any plan's total score, and the same model
 * as an integer program the exact optimum of small one-to-one instances. The optimiser
 * (@maillage/scheduling) also steers its round matchings with the LP's solution (buildPairLp).
 */
export { lpUpperBound, type UpperBound, type UpperBoundOptions } from './lp-upper-bound';
export { exactOptimum, type ExactOptimum, type ExactOptions } from './exact-optimum';
export { buildPairLp, summariseLocked, type LockedSummary } from './pair-lp';
export { SparseLinearModel, solveWithHighs, type SolveOutcome, type SolveStatus } from './highs-solver';
export {
  fairnessUpperBound,
  fairnessEligible,
  type FairnessBound,
  type FairnessBoundOptions,
} from './fairness-bound';
