import {
  buildCandidateGraph,
  buildProblemModel,
  PairingState,
  type OptimiseOptions,
  type ScheduleProblem,
  type ScheduleResult,
} from '@maillage/schedule-model';
import { mulberry32 } from '@maillage/domain';
import { defaultCandidatesPerParticipant } from './internal/defaults';
import { finish, precheck } from './internal/outcome';
import { seatTrios } from './pairing/trio-seating';
import { optimiseTables } from './tables/table-optimiser';

/**
 * Baseline: per round, take the best remaining pair first (must-meets before everything), same
 * constraints and candidate graph as the optimiser. For tables, the optimiser's greedy seating
 * without local search. Used to measure what the optimiser adds.
 */
export function greedySchedule(
  problem: ScheduleProblem,
  options: Pick<OptimiseOptions, 'bestEffort' | 'candidatesPerParticipant'> = {},
): ScheduleResult {
  const startedAt = Date.now();
  const model = buildProblemModel(problem);
  const known = precheck(model, options);
  const stats = {
    candidateEdges: 0,
    matchingsSolved: 0,
    improvementPasses: 0,
    improvementGain: 0,
    phaseMs: {},
  };
  if (model.format.kind === 'tables') {
    const outcome = optimiseTables(model, { maxImprovementPasses: 0, localSearch: false });
    return finish(model, outcome.plan, known, options, {
      algorithm: 'greedy table seating (best table for each participant in turn)',
      startedAt,
      unplaced: [],
      stats,
    });
  }
  const graph = buildCandidateGraph(
    model,
    options.candidatesPerParticipant ?? defaultCandidatesPerParticipant(model.n),
    PairingState.lockedPairKeys(model),
  );
  const state = new PairingState(model, graph);
  const random = mulberry32(problem.seed);
  const byPriority = Array.from({ length: graph.edgeCount }, (_, e) => e).sort(
    (x, y) => graph.mustMeet[y] - graph.mustMeet[x] || graph.weight[y] - graph.weight[x] || x - y,
  );
  const trios = model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio';
  for (let r = model.fixedRounds; r < model.roundCount; r++) {
    let capacity = model.tablesPerRound - state.lockedCount(r);
    for (const e of byPriority) {
      if (capacity <= 0) break;
      if (state.edgeRound[e] !== -1) continue;
      if (!state.canMeetIn(graph.from[e], r) || !state.canMeetIn(graph.to[e], r)) continue;
      state.addPair(r, e);
      capacity--;
    }
    if (trios) seatTrios(state, r, random);
    state.planned[r] = 1;
  }
  return finish(model, state.toPlan(), known, options, {
    algorithm: 'greedy: best remaining pair first, round by round',
    startedAt,
    unplaced: [],
    stats: { ...stats, candidateEdges: graph.edgeCount },
  });
}
