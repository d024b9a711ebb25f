import {
  buildCandidateGraph,
  buildProblemModel,
  buildScheduleResult,
  PairingState,
  ScheduleInputError,
  type InternalPlan,
  type ScheduleProblem,
  type ScheduleResult,
} from '@maillage/schedule-model';
import { exactTablesOptimum } from './exact-tables';
import { SparseLinearModel, solveWithHighs, type SolveStatus } from './highs-solver';

export interface ExactOptions {
  /** Default 60 s. On timeout the best schedule found and the proven bound are returned. */
  timeLimitSeconds?: number;
  /** Refuse bigger instances (pairs × rounds binaries; tables × rounds for tables). Default 40, tables 16. */
  maxParticipants?: number;
}

export interface ExactOptimum {
  status: SolveStatus;
  /** Score of the best schedule found (the optimum when status is 'optimal'). */
  value: number;
  /** Proven upper bound on the optimum. */
  bound: number;
  variables: number;
  constraints: number;
  elapsedMs: number;
  /** The schedule itself (null when none was found), for inspection and checking. */
  schedule: ScheduleResult | null;
}

/**
 * Exact optimum of a one-to-one or bipartite schedule by integer programming (HiGHS branch and
 * cut): x[pair][round] binary over all allowed pairs, at most one meeting per participant and
 * round, each pair at most once (exactly once for must-meets), min/max meetings, tables per
 * round. Rounds are interchangeable, so it gets slow beyond ~40 participants. Small tables: see
 * exactTablesOptimum (tables × rounds binaries, ≤ 16 participants).
 */
export async function exactOptimum(
  problem: ScheduleProblem,
  options: ExactOptions = {},
): Promise<ExactOptimum> {
  const started = Date.now();
  const model = buildProblemModel(problem);
  if (model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio') {
    throw new ScheduleInputError(
      'exactOptimum supports one-to-one (without trios), bipartite and tables formats',
    );
  }
  const limit = options.maxParticipants ?? (model.format.kind === 'tables' ? 16 : 40);
  if (model.n > limit) throw new ScheduleInputError(`exactOptimum is limited to ${limit} participants`);
  if (model.format.kind === 'tables') {
    const exact = await exactTablesOptimum(model, started, options.timeLimitSeconds ?? 60);
    return {
      status: exact.outcome.status,
      value: exact.schedule === null ? Number.NaN : exact.schedule.totalScore,
      bound: exact.outcome.bound + exact.lockedScore,
      variables: exact.variables,
      constraints: exact.constraints,
      elapsedMs: Date.now() - started,
      schedule: exact.schedule,
    };
  }
  const R = model.roundCount;
  const state = new PairingState(
    model,
    buildCandidateGraph(model, model.n, PairingState.lockedPairKeys(model)),
  );
  const graph = state.graph;
  const lp = new SparseLinearModel();
  const columns: { edge: number; round: number }[] = [];
  const byVertexRound: number[][] = Array.from({ length: model.n * R }, () => []);
  const byEdge: number[][] = Array.from({ length: graph.edgeCount }, () => []);
  const byVertex: number[][] = Array.from({ length: model.n }, () => []);
  const byRound: number[][] = Array.from({ length: R }, () => []);
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.from[e];
    const b = graph.to[e];
    for (let r = model.fixedRounds; r < R; r++) {
      if (!model.available[a * R + r] || !model.available[b * R + r]) continue;
      if (!state.isFree(a, r) || !state.isFree(b, r)) continue;
      const c = lp.addColumn(graph.weight[e], 0, 1);
      columns.push({ edge: e, round: r });
      byVertexRound[a * R + r].push(c);
      byVertexRound[b * R + r].push(c);
      byEdge[e].push(c);
      byVertex[a].push(c);
      byVertex[b].push(c);
      byRound[r].push(c);
    }
  }
  for (const cols of byVertexRound) lp.addCountRow(cols, -Infinity, 1);
  for (let e = 0; e < graph.edgeCount; e++) lp.addCountRow(byEdge[e], graph.mustMeet[e] ? 1 : -Infinity, 1);
  for (let v = 0; v < model.n; v++) {
    const remainingMin = model.minMeetings[v] - state.meetings[v];
    lp.addCountRow(
      byVertex[v],
      remainingMin > 0 ? remainingMin : -Infinity,
      model.maxMeetings[v] - state.meetings[v],
    );
  }
  if (Number.isFinite(model.tablesPerRound)) {
    for (let r = 0; r < R; r++)
      lp.addCountRow(byRound[r], -Infinity, model.tablesPerRound - state.lockedCount(r));
  }

  const outcome = await solveWithHighs(lp, {
    integer: true,
    timeLimitSeconds: options.timeLimitSeconds ?? 60,
    mipRelativeGap: 1e-9,
  });
  let lockedScore = 0;
  for (const key of PairingState.lockedPairKeys(model))
    lockedScore += model.pairWeight(Math.floor(key / model.n), key % model.n);

  let schedule: ScheduleResult | null = null;
  if (!Number.isNaN(outcome.objective)) {
    columns.forEach(({ edge, round }, c) => {
      if (outcome.colValue[c] > 0.5) state.addPair(round, edge);
    });
    const plan: InternalPlan = state.toPlan();
    schedule = buildScheduleResult(model, plan, {
      algorithm: `exact ILP (HiGHS), status ${outcome.status}`,
      unplaced: [],
      startedAt: started,
      stats: {
        candidateEdges: graph.edgeCount,
        matchingsSolved: 0,
        improvementPasses: 0,
        improvementGain: 0,
        phaseMs: {},
      },
    });
  }
  return {
    status: outcome.status,
    value: schedule === null ? Number.NaN : schedule.totalScore,
    bound: outcome.bound + lockedScore,
    variables: lp.columnCount,
    constraints: lp.rowCount,
    elapsedMs: Date.now() - started,
    schedule,
  };
}
