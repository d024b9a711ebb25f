/**
 * Speed-meeting schedule optimiser: pure functions over plain data (no Nest, no database).
 * See optimiseSchedule for the algorithm. The problem, its result and checkSchedule (the
 * independent verification) are @maillage/schedule-model; the LP bounds are @maillage/schedule-bounds.
 */
export { optimiseSchedule } from './optimise-schedule';
export { greedySchedule } from './greedy-schedule';
export {
  buildRepairProblem,
  repairSchedule,
  type RepairRequest,
  type RepairOptions,
} from './repair/repair-schedule';
// Fair exposure: the distribution of each participant's score and meetings, and the max-min objective.
export {
  optimiseFairSchedule,
  compareObjectives,
  worstOffScore,
  type FairnessOptions,
  type ScheduleObjective,
} from './fairness/fair-schedule';
export { distribution, exposureOf, gini, type Distribution, type ExposureSummary } from './fairness/exposure';
export { rescoreSchedule } from './fairness/rescore';
