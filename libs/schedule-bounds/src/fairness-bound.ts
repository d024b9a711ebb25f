import {
  buildCandidateGraph,
  buildProblemModel,
  type CandidateGraph,
  type ProblemModel,
  type ScheduleProblem,
} from '@maillage/schedule-model';
import { type SolveStatus, solveWithHighs, type SparseLinearModel } from './highs-solver';
import { buildPairLp, summariseLocked, type LockedSummary } from './pair-lp';

export interface FairnessBoundOptions {
  /** Floor for the second LP; the max-min bound when omitted. Pass a plan's achieved minimum. */
  floor?: number;
  /** As lpUpperBound: all pairs up to 600 participants, else the top-120 candidates. */
  candidatesPerParticipant?: number;
  timeLimitSeconds?: number;
}

export interface FairnessBound {
  /** No schedule gives every eligible participant more than this total score (NaN if unsolved). */
  maxMin: number;
  maxMinStatus: SolveStatus;
  /** The floor the sum bound was computed at. */
  floor: number;
  /** No schedule whose eligible participants all get >= floor exceeds this total (NaN if unsolved). */
  sumAtFloor: number;
  sumAtFloorStatus: SolveStatus;
  /** Participants the minimum is taken over (see fairnessEligible). */
  eligible: number;
  relaxation: string;
  elapsedMs: number;
}

/**
 * Participants the max-min objective is about: those who can attend an open round and may meet
 * someone worth more than 0 in a round both attend (plus anyone in a locked meeting). The others
 * get nothing whatever the plan and would pin the minimum at 0. Shared by the fair optimiser.
 */
export function fairnessEligible(model: ProblemModel): Uint8Array {
  const { n, roundCount: R, fixedRounds, available } = model;
  const rounds = Array.from({ length: n }, (_, v) => {
    const open: number[] = [];
    if (model.maxMeetings[v] > 0)
      for (let r = fixedRounds; r < R; r++) if (available[v * R + r]) open.push(r);
    return open;
  });
  const eligible = new Uint8Array(n);
  for (let a = 0; a < n; a++) {
    if (eligible[a] || rounds[a].length === 0) continue;
    for (let b = 0; b < n; b++) {
      if (b === a || rounds[b].length === 0 || !model.pairAllowed(a, b) || model.pairWeight(a, b) <= 0)
        continue;
      if (rounds[a].some((r) => available[b * R + r])) {
        eligible[a] = 1;
        eligible[b] = 1;
        break;
      }
    }
  }
  for (const m of model.locked) for (const v of m.members) eligible[v] = 1;
  return eligible;
}

/**
 * LP bounds for the fairness objective, on the pair LP of lpUpperBound (each pair at most once,
 * per-participant meeting caps, pair capacity of the rounds):
 * 1. max-min: maximise t subject to every eligible participant's total score >= t;
 * 2. sum at a floor: maximise the total subject to every eligible participant's total >= floor.
 * Together they show the organiser how far a fair plan is from the best possible on both counts.
 */
export async function fairnessUpperBound(
  problem: ScheduleProblem,
  options: FairnessBoundOptions = {},
): Promise<FairnessBound> {
  const started = Date.now();
  const model = buildProblemModel(problem);
  const k = options.candidatesPerParticipant ?? (model.n <= 600 ? model.n : 120);
  const locked = summariseLocked(model);
  const graph = buildCandidateGraph(model, k, locked.pairKeys);
  const eligible = fairnessEligible(model);
  const lockedScore = lockedScoreOf(model, locked);
  const solve = (lp: SparseLinearModel) =>
    solveWithHighs(lp, {
      integer: false,
      timeLimitSeconds: options.timeLimitSeconds,
      lpAlgorithm: lp.columnCount <= 5000 ? 'simplex' : 'interior-point',
    });

  const maxMinLp = buildPairLp(model, graph, locked);
  for (let e = 0; e < graph.edgeCount; e++) maxMinLp.colCost[e] = 0;
  const t = maxMinLp.addColumn(
    1,
    0,
    model.roundCount * Math.max(1, model.seats - 1) + Math.max(0, ...lockedScore),
  );
  forEachEligible(graph, eligible, (v, columns, values) =>
    maxMinLp.addRow([...columns, t], [...values, -1], -lockedScore[v], Infinity),
  );
  const maxMin = await solve(maxMinLp);
  const maxMinValue = maxMin.status === 'optimal' ? maxMin.colValue[t] : Number.NaN;

  const floor = options.floor ?? (Number.isFinite(maxMinValue) ? maxMinValue : 0);
  const sumLp = buildPairLp(model, graph, locked);
  forEachEligible(graph, eligible, (v, columns, values) => {
    if (floor - lockedScore[v] > 0) sumLp.addRow(columns, values, floor - lockedScore[v], Infinity);
  });
  const sum = await solve(sumLp);
  return {
    maxMin: round6(maxMinValue),
    maxMinStatus: maxMin.status,
    floor: round6(floor),
    sumAtFloor: sum.status === 'optimal' ? round6(sum.objective + locked.score) : Number.NaN,
    sumAtFloorStatus: sum.status,
    eligible: eligible.reduce((s, x) => s + x, 0),
    relaxation: `pair LP with per-participant score floors, over ${
      k >= model.n - 1 ? 'all allowed pairs' : `top-${k} candidate pairs per participant`
    }`,
    elapsedMs: Date.now() - started,
  };
}

function forEachEligible(
  graph: CandidateGraph,
  eligible: Uint8Array,
  visit: (v: number, columns: number[], values: number[]) => void,
): void {
  for (let v = 0; v < graph.n; v++) {
    if (!eligible[v]) continue;
    const columns = Array.from(graph.adjEdge.subarray(graph.adjStart[v], graph.adjStart[v + 1]));
    visit(
      v,
      columns,
      columns.map((e) => graph.weight[e]),
    );
  }
}

/** Score each participant already has from locked (or played) meetings. */
function lockedScoreOf(model: ProblemModel, locked: LockedSummary): Float64Array {
  const score = new Float64Array(model.n);
  for (const key of locked.pairKeys) {
    const a = Math.floor(key / model.n);
    const b = key % model.n;
    const w = model.pairWeight(a, b);
    score[a] += w;
    score[b] += w;
  }
  return score;
}

function round6(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
