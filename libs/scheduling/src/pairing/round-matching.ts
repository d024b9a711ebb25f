import { certifiedMaxWeightMatching } from '@maillage/matching';
import { shuffleInPlace } from '@maillage/domain';
import { type BonusConfig, mustMeetBonus, vertexBonus } from './edge-bonuses';
import type { PairingState } from '@maillage/schedule-model';

export interface RoundMatchingOutcome {
  edges: number[];
  matchingsSolved: number;
}

export interface RoundMatchingParams {
  bonus: BonusConfig;
  random: () => number;
  /** Extra integer weight per candidate edge (the LP guidance), or null. */
  edgeBonus: Float64Array | null;
  /** Edges that seed the active set besides the defaults (e.g. the round's current pairs). */
  seedEdges?: readonly number[];
  /** Extra edges whose membership seeds the active set without adding weight (e.g. LP pairs). */
  seedMask?: Float64Array | null;
  /**
   * Seat as many people as possible first (maximum cardinality), best weight second; must-meets
   * still come before cardinality. Used when a plain solve leaves people idle who could meet.
   */
  maximiseSeated?: boolean;
}

/**
 * One round as a maximum-weight matching over every unused candidate edge between participants
 * free in round r; weights = score + fairness/min/must-meet bonuses + the optional per-edge bonus
 * (LP guidance or re-pairing stability). The result is exact on the round's whole candidate
 * graph (restricting it to each participant's few best edges was measured to cost 0.3-1% of the
 * total), but computed on a small active set certified by the optimal duals: blossom is
 * O(participants × edges), and most edges can never enter the matching.
 *
 * With a table cap smaller than the matching, the cardinality is reduced by a Lagrangian penalty
 * per meeting (the best k-matching's value is concave in k, so this keeps the best set of
 * meetings rather than just the heaviest edges), then topped up greedily to the cap.
 */
export function solveRoundMatching(
  state: PairingState,
  r: number,
  params: RoundMatchingParams,
): RoundMatchingOutcome {
  const { bonus: bonusConfig, random, edgeBonus } = params;
  const { graph, model } = state;
  const n = state.n;
  const eligible = new Uint8Array(n);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    if (state.canMeetIn(v, r)) {
      eligible[v] = 1;
      order.push(v);
    }
  }
  const capacity = model.tablesPerRound - state.lockedCount(r);
  if (order.length < 2 || capacity <= 0) return { edges: [], matchingsSolved: 0 };

  // Seeded vertex numbering: different seeds break ties differently, the same seed reproduces.
  shuffleInPlace(order, random);
  const compact = new Int32Array(n).fill(-1);
  order.forEach((v, i) => (compact[v] = i));
  const bonus = new Float64Array(n);
  for (const v of order) bonus[v] = vertexBonus(state, v, r, bonusConfig);

  const edges: number[] = [];
  for (const v of order) {
    const end = graph.adjStart[v + 1];
    for (let i = graph.adjStart[v]; i < end; i++) {
      const e = graph.adjEdge[i];
      if (state.edgeRound[e] !== -1) continue;
      const u = graph.from[e] === v ? graph.to[e] : graph.from[e];
      if (eligible[u] && compact[u] > compact[v]) edges.push(e);
    }
  }
  if (edges.length === 0) return { edges: [], matchingsSolved: 0 };
  const weights = Float64Array.from(edges, (e) => {
    const a = graph.from[e];
    const b = graph.to[e];
    let w = graph.scaled[e] + bonus[a] + bonus[b];
    if (edgeBonus !== null) w += edgeBonus[e];
    return w;
  });
  if (params.maximiseSeated) {
    // An augmenting path of 2k + 1 edges seats two more people and changes the other weights by
    // at most k × max weight: a per-meeting bonus above (n / 2 + 1) × max weight makes it pay.
    let maxWeight = 0;
    for (const w of weights) maxWeight = Math.max(maxWeight, w);
    const perMeeting = (order.length / 2 + 1) * maxWeight;
    for (let i = 0; i < weights.length; i++)
      weights[i] += perMeeting + (graph.mustMeet[edges[i]] ? 2 * perMeeting : 0);
  }
  edges.forEach((e, i) => {
    if (graph.mustMeet[e]) weights[i] += mustMeetBonus(state, graph.from[e], graph.to[e], r, bonusConfig);
  });
  const from = Int32Array.from(edges, (e) => compact[graph.from[e]]);
  const to = Int32Array.from(edges, (e) => compact[graph.to[e]]);

  // Active set: must-meet and guided edges, the seeds, each participant's few heaviest edges.
  // Edges with a negative reduced cost under the optimal duals join it and the solve repeats
  // (see certifiedMaxWeightMatching); when none is left, the matching is optimal for all edges.
  const active = new Uint8Array(edges.length);
  const position = new Int32Array(graph.edgeCount).fill(-1);
  edges.forEach((e, i) => (position[e] = i));
  const seedMask = params.seedMask ?? edgeBonus;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (graph.mustMeet[e] === 1 || (seedMask !== null && seedMask[e] > 0)) active[i] = 1;
  }
  for (const e of params.seedEdges ?? []) if (position[e] >= 0) active[position[e]] = 1;
  // Adjacency lists are sorted by weight: the first usable ones are the heaviest.
  const perVertex = seedMask === null ? 8 : 3;
  for (const v of order) {
    let taken = 0;
    const end = graph.adjStart[v + 1];
    for (let i = graph.adjStart[v]; i < end && taken < perVertex; i++) {
      const p = position[graph.adjEdge[i]];
      if (p < 0) continue;
      active[p] = 1;
      taken++;
    }
  }
  let matchingsSolved = 0;
  const solve = (penalty: number): number[] => {
    for (;;) {
      matchingsSolved++;
      const members: number[] = [];
      for (let i = 0; i < edges.length; i++) if (active[i] && weights[i] > penalty) members.push(i);
      const { mate, reducedCost } = certifiedMaxWeightMatching({
        vertexCount: order.length,
        from: Int32Array.from(members, (i) => from[i]),
        to: Int32Array.from(members, (i) => to[i]),
        weight: Float64Array.from(members, (i) => weights[i] - penalty),
      });
      let added = 0;
      for (let i = 0; i < edges.length; i++) {
        if (active[i] || weights[i] <= penalty) continue;
        if (reducedCost(from[i], to[i], weights[i] - penalty) < 0) {
          active[i] = 1;
          added++;
        }
      }
      if (added === 0) return members.filter((i) => mate[from[i]] === to[i]);
    }
  };

  let chosen = solve(0);
  if (chosen.length > capacity) chosen = capMatching(capacity, solve, weights, from, to);
  return { edges: chosen.map((i) => edges[i]), matchingsSolved };
}

/**
 * Smallest integer per-meeting penalty whose matching fits the cap (bisection), then greedy
 * top-up with the heaviest remaining edges between participants left free.
 */
function capMatching(
  capacity: number,
  solve: (penalty: number) => number[],
  weights: Float64Array,
  from: Int32Array,
  to: Int32Array,
): number[] {
  let lo = 0;
  let hi = 0;
  for (const w of weights) hi = Math.max(hi, w);
  let best: number[] = [];
  const MAX_STEPS = 16;
  for (let step = 0; step < MAX_STEPS && lo < hi; step++) {
    const mid = Math.floor((lo + hi) / 2);
    const chosen = solve(mid);
    if (chosen.length > capacity) lo = mid + 1;
    else {
      hi = mid;
      best = chosen;
    }
  }
  const chosen = [...best];
  const busy = new Set<number>();
  for (const i of chosen) {
    busy.add(from[i]);
    busy.add(to[i]);
  }
  const rest = Array.from(weights.keys())
    .filter((i) => !busy.has(from[i]) && !busy.has(to[i]))
    .sort((x, y) => weights[y] - weights[x] || x - y);
  for (const i of rest) {
    if (chosen.length >= capacity) break;
    if (busy.has(from[i]) || busy.has(to[i])) continue;
    busy.add(from[i]);
    busy.add(to[i]);
    chosen.push(i);
  }
  return chosen;
}
