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
