/**
 * Speed-meeting schedule optimiser: pure functions over plain data (no Nest, no database).
 * See optimiseSchedule for the algorithm, checkSchedule for the independent verification.
 */
export * from './types';
export { ScheduleInfeasibleError, ScheduleInputError } from './errors';
export { optimiseSchedule } from './optimise-schedule';
export { greedySchedule } from './greedy-schedule';
export {
  buildRepairProblem,
  repairSchedule,
  type RepairRequest,
  type RepairOptions,
} from './repair/repair-schedule';
export { checkSchedule, type CheckOptions } from './check/check-schedule';
export { lpUpperBound, type UpperBound, type UpperBoundOptions } from './bounds/lp-upper-bound';
export { exactOptimum, type ExactOptimum, type ExactOptions } from './bounds/exact-optimum';
export type { SolveStatus } from './bounds/highs-solver';
export { maxWeightMatching, type MatchingGraph } from './matching/max-weight-matching';
