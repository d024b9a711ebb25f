import { ScheduleInfeasibleError } from './errors';
import { buildScheduleResult, type ResultMeta } from './internal/build-result';
import { findInfeasibilities, findUnmetRequirements, toUnplaced, type Finding } from './internal/feasibility';
import type { InternalPlan } from './internal/plan';
import { buildProblemModel, type ProblemModel } from './internal/problem-model';
import { optimisePairs } from './pairing/pairing-optimiser';
import { optimiseTables } from './tables/table-optimiser';
import type { OptimiseOptions, ScheduleProblem, ScheduleResult } from './types';

export const DEFAULT_CANDIDATES_PER_PARTICIPANT = 40;
const DEFAULT_ROUND_CANDIDATES = 16;
const DEFAULT_FAIRNESS_BONUS = 0.15;
const DEFAULT_IMPROVEMENT_PASSES = 4;
const DEFAULT_IMPROVEMENT_TIME_MS = 2_500;

/**
 * Builds a speed-meeting schedule maximising total complementarity under the problem's
 * constraints. Throws ScheduleInfeasibleError (with per-participant reasons) when constraints
 * cannot be honoured, unless `bestEffort` is set: the plan then lists them in `unplaced`.
 */
export function optimiseSchedule(problem: ScheduleProblem, options: OptimiseOptions = {}): ScheduleResult {
  const startedAt = Date.now();
  const model = buildProblemModel(problem);
  const known = precheck(model, options);
  if (model.format.kind === 'tables') {
    const outcome = optimiseTables(model, {
      fairnessBonus: options.fairnessBonus ?? DEFAULT_FAIRNESS_BONUS,
      maxImprovementPasses: options.maxImprovementPasses ?? DEFAULT_IMPROVEMENT_PASSES,
      improvementTimeMs: options.improvementTimeMs ?? DEFAULT_IMPROVEMENT_TIME_MS,
      localSearch: true,
    });
    return finish(model, outcome.plan, known, options, {
      algorithm: 'tables: greedy complementarity seating + swap local search (repeat penalty)',
      startedAt,
      unplaced: [],
      stats: {
        candidateEdges: 0,
        matchingsSolved: 0,
        improvementPasses: outcome.improvementPasses,
        improvementGain: outcome.finalScore - outcome.constructionScore,
      },
    });
  }
  const outcome = optimisePairs(model, {
    candidatesPerParticipant: options.candidatesPerParticipant ?? DEFAULT_CANDIDATES_PER_PARTICIPANT,
    roundCandidates: DEFAULT_ROUND_CANDIDATES,
    fairnessBonus: options.fairnessBonus ?? DEFAULT_FAIRNESS_BONUS,
    maxImprovementPasses: options.maxImprovementPasses ?? DEFAULT_IMPROVEMENT_PASSES,
    improvementTimeMs: options.improvementTimeMs ?? DEFAULT_IMPROVEMENT_TIME_MS,
  });
  return finish(model, outcome.plan, known, options, {
    algorithm: 'per-round max-weight matching (blossom, top-K candidates) + round re-optimisation passes',
    startedAt,
    unplaced: [],
    stats: {
      candidateEdges: outcome.candidateEdges,
      matchingsSolved: outcome.matchingsSolved,
      improvementPasses: outcome.improvementPasses,
      improvementGain: outcome.finalScore - outcome.constructionScore,
    },
  });
}

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
