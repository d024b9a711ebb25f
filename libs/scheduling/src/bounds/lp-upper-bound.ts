import { buildCandidateGraph } from '../internal/candidate-graph';
import { buildProblemModel, type ProblemModel } from '../internal/problem-model';
import type { ScheduleProblem } from '../types';
import { SparseLinearModel, solveWithHighs, type SolveStatus } from './highs-solver';

export interface UpperBoundOptions {
  /**
   * Candidate partners per participant in the LP. Default: all pairs up to 600 participants (a true
   * bound), else 60 (a bound over the top-60 candidate graph, which contains the optimiser's).
   */
  candidatesPerParticipant?: number;
  timeLimitSeconds?: number;
}

export interface UpperBound {
  /** Upper bound on totalScore (locked/played meetings included). */
  value: number;
  status: SolveStatus;
  /** Which relaxation was solved, for honest reporting. */
  relaxation: string;
  /** True when every allowed pair was a variable (the bound then holds for any schedule). */
  coversAllPairs: boolean;
  variables: number;
  constraints: number;
  elapsedMs: number;
}

/**
 * LP relaxation: x_pair in [0, 1] for each candidate pair (each pair at most once), each
 * participant in at most min(rounds free, maxMeetings left) meetings (× (seats - 1) partners at
 * tables, × 2 with trios), and the total of meetings within what the tables and the per-round
 * attendance allow. Meetings already locked or played are added as a constant.
 */
export async function lpUpperBound(problem: ScheduleProblem, options: UpperBoundOptions = {}): Promise<UpperBound> {
  const model = buildProblemModel(problem);
  const k = options.candidatesPerParticipant ?? (model.n <= 600 ? model.n : 60);
  const lockedKeys = new Set<number>();
  const lockedMeetings = new Int32Array(model.n);
  const busy = new Uint8Array(model.n * model.roundCount);
  const lockedPerRound = new Int32Array(model.roundCount);
  for (const m of model.locked) {
    lockedPerRound[m.round]++;
    for (const v of m.members) {
      lockedMeetings[v]++;
      busy[v * model.roundCount + m.round] = 1;
    }
    for (let i = 0; i < m.members.length; i++) {
      for (let j = i + 1; j < m.members.length; j++) lockedKeys.add(model.pairKey(m.members[i], m.members[j]));
    }
  }
  let lockedScore = 0;
  for (const key of lockedKeys) lockedScore += model.pairWeight(Math.floor(key / model.n), key % model.n);

  const graph = buildCandidateGraph(model, k, lockedKeys);
  const lp = new SparseLinearModel();
  for (let e = 0; e < graph.edgeCount; e++) lp.addColumn(graph.weight[e], 0, 1);
  const trios = model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio';
  const partnersPerMeeting = model.format.kind === 'tables' ? model.seats - 1 : trios ? 2 : 1;
  for (let v = 0; v < model.n; v++) {
    const columns = Array.from(graph.adjEdge.subarray(graph.adjStart[v], graph.adjStart[v + 1]));
    const capacity = Math.max(0, Math.min(model.maxMeetings[v] - lockedMeetings[v], freeRounds(model, busy, v)));
    lp.addCountRow(columns, -Infinity, capacity * partnersPerMeeting);
  }
  const roundCapacity = totalPairCapacity(model, busy, lockedPerRound, trios);
  const all = Array.from({ length: graph.edgeCount }, (_, e) => e);
  if (Number.isFinite(roundCapacity)) lp.addCountRow(all, -Infinity, roundCapacity);

  const outcome = await solveWithHighs(lp, { integer: false, timeLimitSeconds: options.timeLimitSeconds });
  const coversAllPairs = k >= model.n - 1;
  return {
    value: outcome.status === 'optimal' ? outcome.objective + lockedScore : Number.NaN,
    status: outcome.status,
    relaxation: `LP: pair at most once + per-participant meeting cap + per-round pair capacity, over ${
      coversAllPairs ? 'all allowed pairs' : `top-${k} candidate pairs per participant`
    }`,
    coversAllPairs,
    variables: lp.columnCount,
    constraints: lp.rowCount,
    elapsedMs: outcome.elapsedMs,
  };
}

function freeRounds(model: ProblemModel, busy: Uint8Array, v: number): number {
  let count = 0;
  for (let r = model.fixedRounds; r < model.roundCount; r++) {
    const i = v * model.roundCount + r;
    if (model.available[i] && !busy[i]) count++;
  }
  return count;
}

/** Max pairs that can meet over the open rounds given attendance and tables (Infinity with trios). */
function totalPairCapacity(model: ProblemModel, busy: Uint8Array, lockedPerRound: Int32Array, trios: boolean): number {
  if (trios) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let r = model.fixedRounds; r < model.roundCount; r++) {
    let a = 0;
    let b = 0;
    for (let v = 0; v < model.n; v++) {
      const i = v * model.roundCount + r;
      if (!model.available[i] || busy[i]) continue;
      if (model.side[v] === 2) b++;
      else a++;
    }
    const tables = Math.max(0, model.tablesPerRound - lockedPerRound[r]);
    if (model.format.kind === 'tables') {
      const g = model.seats;
      const people = a + b;
      const full = Math.min(tables, Math.floor(people / g));
      const rest = full < tables ? Math.min(g, people - full * g) : 0;
      total += (full * g * (g - 1)) / 2 + (rest * (rest - 1)) / 2;
    } else {
      const pairs = model.format.kind === 'bipartite' ? Math.min(a, b) : Math.floor((a + b) / 2);
      total += Math.min(tables, pairs);
    }
  }
  return total;
}
