/**
 * The speed-meeting schedule problem and its result, as plain data (pure: no Nest, no database):
 * the types, the input and infeasibility errors, and checkSchedule, the independent verification
 * of any plan against the problem. The solvers (@maillage/scheduling, @maillage/schedule-bounds)
 * share the compiled model below, so they all obey exactly the same constraints.
 */
export * from './types';
export { ScheduleInfeasibleError, ScheduleInputError } from './errors';
export { checkSchedule, type CheckOptions } from './check/check-schedule';

// The compiled model the solvers build on: the problem on participant indices (validated once),
// the candidate graph of pairs worth meeting, plans under construction and the result they give.
export { WEIGHT_SCALE, buildProblemModel, scaleWeight, type ProblemModel } from './model/problem-model';
export { buildCandidateGraph, type CandidateGraph } from './model/candidate-graph';
export type { InternalPlan, PlannedMeeting } from './model/plan';
export { PairingState, type TrioSeat } from './model/pairing-state';
export { buildScheduleResult, type ResultMeta } from './model/build-result';
