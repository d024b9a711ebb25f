import {
  buildCandidateGraph,
  buildProblemModel,
  PairingState,
  type BreakReason,
  type CandidateGraph,
  type InternalPlan,
  type OptimiseOptions,
  type ProblemModel,
  type ScheduleProblem,
  type ScheduleResult,
  type ScheduleStats,
} from '@maillage/schedule-model';
import { defaultCandidatesPerParticipant } from './internal/defaults';
import { finish, precheck } from './internal/outcome';
import { lpGuidance } from './pairing/lp-guidance';
import { optimisePairs } from './pairing/pairing-optimiser';
import { optimiseTables } from './tables/table-optimiser';

const DEFAULT_FAIRNESS_BONUS = 0.5;
const DEFAULT_IMPROVEMENT_PASSES = 3;
const LP_GUIDANCE_TIME_LIMIT_SECONDS = 20;
/**
 * Participants above which improvement passes are off by default: they gain < 0.05% there and
 * cost more than the construction (~1 s at 500 participants x 8 rounds).
 */
const IMPROVEMENT_MAX_PARTICIPANTS = 300;

/**
 * Builds a speed-meeting schedule maximising total complementarity under the problem's
 * constraints. Throws ScheduleInfeasibleError (with per-participant reasons) when constraints
 * cannot be honoured, unless `bestEffort` is set: the plan then lists them in `unplaced`.
 * Async because the LP guidance runs in the HiGHS WebAssembly solver.
 */
export async function optimiseSchedule(
  problem: ScheduleProblem,
  options: OptimiseOptions = {},
): Promise<ScheduleResult> {
  return runOptimiser(buildProblemModel(problem), options, {});
}

/** Internal hooks used by live re-pairing. */
export interface RunHooks {
  /** Per-round extra integer weight per candidate edge (replaces the LP guidance when given). */
  roundEdgeBonus?: (graph: CandidateGraph, round: number) => Float64Array | null;
  breakReasonOverride?: (v: number, round: number) => BreakReason | undefined;
  /** Adds re-pairing statistics once the plan is known. */
  extraStats?: (plan: InternalPlan) => Partial<ScheduleStats>;
  algorithmSuffix?: string;
}

export async function runOptimiser(
  model: ProblemModel,
  options: OptimiseOptions,
  hooks: RunHooks,
): Promise<ScheduleResult> {
  const startedAt = Date.now();
  const known = precheck(model, options);
  const fairnessBonus = options.fairnessBonus ?? DEFAULT_FAIRNESS_BONUS;
  const maxImprovementPasses = options.maxImprovementPasses ?? DEFAULT_IMPROVEMENT_PASSES;
  const suffix = hooks.algorithmSuffix ?? '';

  if (model.format.kind === 'tables') {
    const outcome = optimiseTables(model, {
      maxImprovementPasses,
      improvementTimeMs: options.improvementTimeMs,
      localSearch: true,
    });
    return finish(model, outcome.plan, known, options, {
      algorithm: `tables: greedy complementarity seating + swap local search with kicks (repeat penalty)${suffix}`,
      startedAt,
      unplaced: [],
      breakReasonOverride: hooks.breakReasonOverride,
      stats: {
        candidateEdges: 0,
        matchingsSolved: 0,
        improvementPasses: outcome.improvementPasses,
        improvementGain: outcome.finalScore - outcome.constructionScore,
        phaseMs: { construction: outcome.constructionMs, improvement: outcome.improvementMs },
        ...hooks.extraStats?.(outcome.plan),
      },
    });
  }

  const graphStarted = Date.now();
  const candidates = options.candidatesPerParticipant ?? defaultCandidatesPerParticipant(model.n);
  const graph = buildCandidateGraph(model, candidates, PairingState.lockedPairKeys(model));
  const guidanceStarted = Date.now();
  const useLp = hooks.roundEdgeBonus === undefined && (options.guidance ?? 'lp') === 'lp';
  const guidance = useLp ? await lpGuidance(model, graph, LP_GUIDANCE_TIME_LIMIT_SECONDS) : null;
  const pairingStarted = Date.now();
  const roundEdgeBonus = hooks.roundEdgeBonus;
  const outcome = optimisePairs(
    model,
    graph,
    roundEdgeBonus ? (r) => roundEdgeBonus(graph, r) : () => guidance,
    {
      fairnessBonus,
      maxImprovementPasses,
      improvementRounds:
        options.improvementRounds ?? (model.n <= IMPROVEMENT_MAX_PARTICIPANTS ? model.roundCount : 0),
      improvementTimeMs: options.improvementTimeMs,
    },
  );
  const steering = guidance !== null ? 'LP-guided' : useLp ? 'unguided (LP not solved)' : 'unguided';
  return finish(model, outcome.plan, known, options, {
    algorithm: `per-round max-weight matching (blossom, top-${candidates} candidates), ${steering}, + round re-optimisation${suffix}`,
    startedAt,
    unplaced: [],
    breakReasonOverride: hooks.breakReasonOverride,
    stats: {
      candidateEdges: graph.edgeCount,
      matchingsSolved: outcome.matchingsSolved,
      improvementPasses: outcome.improvementPasses,
      improvementGain: outcome.finalScore - outcome.constructionScore,
      phaseMs: {
        candidates: guidanceStarted - graphStarted,
        guidance: pairingStarted - guidanceStarted,
        construction: outcome.constructionMs,
        improvement: outcome.improvementMs,
      },
      ...hooks.extraStats?.(outcome.plan),
    },
  });
}
