import { certifiedMaxWeightMatching, type MatchingGraph } from '../matching/max-weight-matching';
import { shuffleInPlace } from '../internal/prng';
import { type BonusConfig, mustMeetBonus, vertexBonus } from './edge-bonuses';
import type { PairingState } from './pairing-state';

export interface RoundMatchingParams {
  /** Unused candidate edges kept per participant in this round's graph (heaviest first). */
  perVertexEdges: number;
  /** Edges always offered (the round's previous pairs when re-optimising: guarantees no regression). */
  keepEdges: readonly number[];
  bonus: BonusConfig;
  random: () => number;
}

export interface RoundMatchingOutcome {
  edges: number[];
  /** Adjusted (bonus-included) weight of `edges`. */
  objective: number;
  /** Adjusted weight `keepEdges` would have in the same context (for accept/reject). */
  keepObjective: number;
  matchingsSolved: number;
}

/**
 * One round as a maximum-weight matching: participants free in round r, their best unused
 * candidate edges, weights = score + fairness/min/must-meet bonuses. With a table cap smaller
 * than the matching, the cardinality is reduced by a Lagrangian penalty per meeting (the
 * max-weight k-matching value is concave in k, so this keeps the best meetings, not just the
 * heaviest edges), then topped up greedily.
 */
export function solveRoundMatching(state: PairingState, r: number, params: RoundMatchingParams): RoundMatchingOutcome {
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
  const emptyOutcome = (): RoundMatchingOutcome => ({ edges: [], objective: 0, keepObjective: 0, matchingsSolved: 0 });
  const capacity = model.tablesPerRound - state.lockedCount(r);
  if (order.length < 2 || capacity <= 0) return emptyOutcome();

  // Seeded vertex order: different seeds break ties differently, the same seed reproduces.
  shuffleInPlace(order, params.random);
  const compact = new Int32Array(n).fill(-1);
  order.forEach((v, i) => (compact[v] = i));

  const bonus = new Float64Array(n);
  for (const v of order) bonus[v] = vertexBonus(state, v, r, params.bonus);

  // Every usable edge of the round, in a canonical order (by compact endpoints) so the result
  // does not depend on collection order.
  const all: number[] = [];
  for (const v of order) {
    const end = graph.adjStart[v + 1];
    for (let i = graph.adjStart[v]; i < end; i++) {
      const e = graph.adjEdge[i];
      if (state.edgeRound[e] !== -1) continue;
      const u = graph.from[e] === v ? graph.to[e] : graph.from[e];
      if (eligible[u] && compact[u] > compact[v]) all.push(e);
    }
  }
  if (all.length === 0) return emptyOutcome();
  const compactKey = (e: number): number => {
    const a = compact[graph.from[e]];
    const b = compact[graph.to[e]];
    return a < b ? a * n + b : b * n + a;
  };
  all.sort((x, y) => compactKey(x) - compactKey(y));
  const edgeWeight = (e: number): number => {
    const a = graph.from[e];
    const b = graph.to[e];
    let w = graph.scaled[e] + bonus[a] + bonus[b];
    if (graph.mustMeet[e]) w += mustMeetBonus(state, a, b, r, params.bonus);
    return w;
  };
  const weights = Float64Array.from(all, edgeWeight);
  const endA = Int32Array.from(all, (e) => compact[graph.from[e]]);
  const endB = Int32Array.from(all, (e) => compact[graph.to[e]]);
  const weightOf = new Map<number, number>();
  all.forEach((e, i) => weightOf.set(e, weights[i]));

  // Start from each participant's few heaviest edges (+ must-meet and kept edges), then add the
  // edges the optimal duals say could improve it, until the duals certify optimality on all edges.
  const active = new Uint8Array(all.length);
  const positionOf = new Map<number, number>();
  all.forEach((e, i) => positionOf.set(e, i));
  for (const v of order) {
    let kept = 0;
    const end = graph.adjStart[v + 1];
    for (let i = graph.adjStart[v]; i < end && kept < params.perVertexEdges; i++) {
      const position = positionOf.get(graph.adjEdge[i]);
      if (position === undefined) continue;
      active[position] = 1;
      kept++;
    }
  }
  all.forEach((e, i) => {
    if (graph.mustMeet[e]) active[i] = 1;
  });
  for (const e of params.keepEdges) {
    const position = positionOf.get(e);
    if (position !== undefined) active[position] = 1;
  }

  let matchingsSolved = 0;
  const solve = (penalty: number): number[] => {
    for (;;) {
      const members: number[] = [];
      for (let i = 0; i < all.length; i++) if (active[i] && weights[i] > penalty) members.push(i);
      const matchingGraph: MatchingGraph = {
        vertexCount: order.length,
        from: Int32Array.from(members, (i) => endA[i]),
        to: Int32Array.from(members, (i) => endB[i]),
        weight: Float64Array.from(members, (i) => weights[i] - penalty),
      };
      matchingsSolved++;
      const { mate, reducedCost } = certifiedMaxWeightMatching(matchingGraph);
      let added = 0;
      for (let i = 0; i < all.length; i++) {
        if (active[i] || weights[i] <= penalty) continue;
        if (reducedCost(endA[i], endB[i], weights[i] - penalty) < 0) {
          active[i] = 1;
          added++;
        }
      }
      if (added === 0) return members.filter((i) => mate[endA[i]] === endB[i]).map((i) => all[i]);
    }
  };

  let chosen = solve(0);
  if (chosen.length > capacity) chosen = capMatching(capacity, solve, all, weightOf, graph.from, graph.to);

  let objective = 0;
  for (const e of chosen) objective += weightOf.get(e) as number;
  let keepObjective = 0;
  for (const e of params.keepEdges) keepObjective += weightOf.get(e) ?? edgeWeight(e);
  return { edges: chosen, objective, keepObjective, matchingsSolved };
}

/** Smallest per-meeting penalty whose matching fits the cap, then greedy top-up to the cap. */
function capMatching(
  capacity: number,
  solve: (penalty: number) => number[],
  picked: readonly number[],
  weightOf: ReadonlyMap<number, number>,
  from: Int32Array,
  to: Int32Array,
): number[] {
  let lo = 0;
  let hi = 0;
  for (const e of picked) hi = Math.max(hi, weightOf.get(e) as number);
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
  const used = new Set(chosen);
  const busy = new Set<number>();
  for (const e of chosen) {
    busy.add(from[e]);
    busy.add(to[e]);
  }
  const rest = picked
    .filter((e) => !used.has(e))
    .sort((x, y) => (weightOf.get(y) as number) - (weightOf.get(x) as number) || x - y);
  for (const e of rest) {
    if (chosen.length >= capacity) break;
    if (busy.has(from[e]) || busy.has(to[e])) continue;
    busy.add(from[e]);
    busy.add(to[e]);
    chosen.push(e);
  }
  return chosen;
}
