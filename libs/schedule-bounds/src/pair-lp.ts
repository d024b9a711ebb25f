import type { CandidateGraph, ProblemModel } from '@maillage/schedule-model';
import { SparseLinearModel } from './highs-solver';

/** Meetings fixed before optimising (locked or played), summarised for the LP. */
export interface LockedSummary {
  meetingsOf: Int32Array;
  /** busy[v * rounds + r] = 1 when v already sits in a locked meeting in round r. */
  busy: Uint8Array;
  perRound: Int32Array;
  pairKeys: Set<number>;
  score: number;
}

export function summariseLocked(model: ProblemModel): LockedSummary {
  const meetingsOf = new Int32Array(model.n);
  const busy = new Uint8Array(model.n * model.roundCount);
  const perRound = new Int32Array(model.roundCount);
  const pairKeys = new Set<number>();
  for (const m of model.locked) {
    perRound[m.round]++;
    for (const v of m.members) {
      meetingsOf[v]++;
      busy[v * model.roundCount + m.round] = 1;
    }
    for (let i = 0; i < m.members.length; i++) {
      for (let j = i + 1; j < m.members.length; j++) pairKeys.add(model.pairKey(m.members[i], m.members[j]));
    }
  }
  let score = 0;
  for (const key of pairKeys) score += model.pairWeight(Math.floor(key / model.n), key % model.n);
  return { meetingsOf, busy, perRound, pairKeys, score };
}

/**
 * The pair LP over candidate edges (column e = edge e): maximise Σ w·x, x in [0, 1] (each pair at
 * most once), per participant Σ x <= meetings still possible (× (seats - 1) partners at tables,
 * × 2 with trios), and Σ x <= pairs the open rounds can host. Its optimum bounds any schedule on
 * these edges; its solution (integral in practice for pairs) is a max-weight "R-matching" that
 * the optimiser then splits into rounds.
 */
/** Soft must-meet premium: a pair weighs at most 1 and a must-meet displaces at most two pairs. */
const MUST_MEET_PREMIUM = 2;

export function buildPairLp(
  model: ProblemModel,
  graph: CandidateGraph,
  locked: LockedSummary,
  /** Adds soft fair-share floors (see fairShares) with this penalty per missing meeting; for guidance only. */
  fairnessPenalty?: number,
  /**
   * Hard requirements every valid plan honours: must-meet pairs at 1 and, on pair formats,
   * Σ x >= minMeetings still missing (each meeting gives a participant at least one new pair).
   * They tighten the bound and keep the guidance consistent with what the optimiser must do; a
   * caller whose LP turns infeasible with them (conflicting requirements) solves it again without.
   */
  requirements: boolean | 'soft' = false,
): SparseLinearModel {
  const lp = new SparseLinearModel();
  // Must-meet pairs are substituted out (column fixed at 0, its weight in the offset, one meeting
  // less to hand out at each end): fixing them at 1 instead makes interior point fail.
  const forced = new Int32Array(model.n);
  // 'soft' (guidance): must-meet pairs keep their column with a premium above what the two
  // meetings they can displace are worth; interior point then needs no crossover.
  const free = (e: number): boolean => !(requirements === true && graph.mustMeet[e] === 1);
  for (let e = 0; e < graph.edgeCount; e++) {
    const fixed = !free(e);
    const premium = requirements === 'soft' && graph.mustMeet[e] === 1 ? MUST_MEET_PREMIUM : 0;
    lp.addColumn(fixed ? 0 : graph.weight[e] + premium, 0, fixed ? 0 : 1);
    if (fixed) {
      lp.objectiveOffset += graph.weight[e];
      forced[graph.from[e]]++;
      forced[graph.to[e]]++;
    }
  }
  const floors = fairnessPenalty === undefined ? null : fairShares(model, locked);
  // Floors only matter when seats are scarce (caps, odd count, unequal sides, availability):
  // when everyone can meet in every round they are redundant and slow the LP down 2x.
  const capacityOf = (v: number): number => {
    let freeRounds = 0;
    for (let r = model.fixedRounds; r < model.roundCount; r++) {
      const i = v * model.roundCount + r;
      if (model.available[i] && !locked.busy[i]) freeRounds++;
    }
    return Math.max(0, Math.min(model.maxMeetings[v] - locked.meetingsOf[v], freeRounds));
  };
  const scarce = floors !== null && floors.some((floor, v) => floor < capacityOf(v));
  const trios = model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio';
  const partnersPerMeeting = model.format.kind === 'tables' ? model.seats - 1 : trios ? 2 : 1;
  for (let v = 0; v < model.n; v++) {
    const columns = Array.from(graph.adjEdge.subarray(graph.adjStart[v], graph.adjStart[v + 1])).filter(free);
    const capacity = capacityOf(v);
    const minMissing = model.minMeetings[v] - locked.meetingsOf[v];
    const required =
      requirements !== false && model.format.kind !== 'tables' && minMissing > 0 ? minMissing : -Infinity;
    lp.addCountRow(columns, required - forced[v], capacity * partnersPerMeeting - forced[v]);
    const floor =
      floors === null || !scarce ? 0 : Math.min(capacity, floors[v], columns.length) * partnersPerMeeting;
    if (floor > 0 && fairnessPenalty !== undefined) {
      // Σ x + shortfall >= floor, each missing meeting costing `fairnessPenalty`.
      const shortfall = lp.addColumn(-fairnessPenalty, 0, floor);
      lp.addCountRow([...columns, shortfall], floor - forced[v], Infinity);
    }
  }
  let forcedPairs = 0;
  for (const count of forced) forcedPairs += count;
  const capacity = pairCapacity(model, locked, trios) - forcedPairs / 2;
  if (Number.isFinite(capacity)) {
    lp.addCountRow(Array.from({ length: graph.edgeCount }, (_, e) => e).filter(free), -Infinity, capacity);
  }
  return lp;
}

/** Max pairs the open rounds can host given attendance and tables (Infinity with trios). */
function pairCapacity(model: ProblemModel, locked: LockedSummary, trios: boolean): number {
  if (trios) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let r = model.fixedRounds; r < model.roundCount; r++) {
    let sideA = 0;
    let sideB = 0;
    for (let v = 0; v < model.n; v++) {
      const i = v * model.roundCount + r;
      if (!model.available[i] || locked.busy[i]) continue;
      if (model.side[v] === 2) sideB++;
      else sideA++;
    }
    const tables = Math.max(0, model.tablesPerRound - locked.perRound[r]);
    if (model.format.kind === 'tables') {
      const g = model.seats;
      const people = sideA + sideB;
      const full = Math.min(tables, Math.floor(people / g));
      const rest = full < tables ? Math.min(g, people - full * g) : 0;
      total += (full * g * (g - 1)) / 2 + (rest * (rest - 1)) / 2;
    } else {
      const pairs =
        model.format.kind === 'bipartite' ? Math.min(sideA, sideB) : Math.floor((sideA + sideB) / 2);
      total += Math.min(tables, pairs);
    }
  }
  return total;
}

/**
 * Meetings each participant would get if the seats of every open round were shared evenly among
 * those present (per side in bipartite), rounded down: the fair-exposure floor.
 */
export function fairShares(model: ProblemModel, locked: LockedSummary): Int32Array {
  const share = new Float64Array(model.n);
  const R = model.roundCount;
  for (let r = model.fixedRounds; r < R; r++) {
    const present: number[][] = [[], []];
    for (let v = 0; v < model.n; v++) {
      const i = v * R + r;
      if (model.available[i] && !locked.busy[i] && model.maxMeetings[v] > 0)
        present[model.side[v] === 2 ? 1 : 0].push(v);
    }
    const tables = Math.max(0, model.tablesPerRound - locked.perRound[r]);
    if (model.format.kind === 'bipartite') {
      const pairs = Math.min(tables, present[0].length, present[1].length);
      for (const group of present) for (const v of group) share[v] += pairs / group.length;
    } else {
      const all = [...present[0], ...present[1]];
      const perTable = model.format.kind === 'tables' ? model.seats : 2;
      const seated = Math.min(all.length - (perTable === 2 ? all.length % 2 : 0), tables * perTable);
      for (const v of all) share[v] += seated / all.length;
    }
  }
  return Int32Array.from(share, (x) => Math.floor(x + 1e-9));
}
