import {
  buildScheduleResult,
  ScheduleInfeasibleError,
  type InternalPlan,
  type OptimiseOptions,
  type ProblemModel,
  type ResultMeta,
  type ScheduleResult,
} from '@maillage/schedule-model';
import { findInfeasibilities, findUnmetRequirements, toUnplaced, type Finding } from './feasibility';

/** Runs the necessary-condition checks; throws unless best-effort. */
export function precheck(model: ProblemModel, options: Pick<OptimiseOptions, 'bestEffort'>): Finding[] {
  const known = findInfeasibilities(model);
  if (known.length > 0 && !options.bestEffort) throw new ScheduleInfeasibleError(toUnplaced(known));
  return known;
}

/** Reports what the plan could not honour (or throws), then builds the public result. */
export function finish(
  model: ProblemModel,
  plan: InternalPlan,
  known: readonly Finding[],
  options: Pick<OptimiseOptions, 'bestEffort'>,
  meta: ResultMeta,
): ScheduleResult {
  const shortfalls = findUnmetRequirements(model, plan, known);
  if (shortfalls.length > 0 && !options.bestEffort) throw new ScheduleInfeasibleError(toUnplaced(shortfalls));
  return buildScheduleResult(model, plan, { ...meta, unplaced: toUnplaced([...known, ...shortfalls]) });
}
