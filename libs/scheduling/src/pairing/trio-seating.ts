import { shuffleInPlace } from '@maillage/domain';
import type { PairingState } from '@maillage/schedule-model';

/**
 * Seats each participant left without a partner in round r (odd count, or no compatible partner)
 * as a third person at a pair meeting, provided they have met neither member and may meet both.
 * When no pair can take them, tries one exchange: they replace a member of some pair, and that
 * member joins another pair as its third person. Used only when the caller enables trios.
 */
export function seatTrios(state: PairingState, r: number, random: () => number): void {
  const waiting: number[] = [];
  for (let v = 0; v < state.n; v++) if (state.canMeetIn(v, r)) waiting.push(v);
  shuffleInPlace(waiting, random);
  for (const c of waiting) {
    if (!state.canMeetIn(c, r)) continue;
    const direct = bestPairToJoin(state, r, c, -1);
    if (direct.edge >= 0) {
      state.addTrio(r, c, direct.edge);
      continue;
    }
    const exchange = bestExchange(state, r, c);
    if (exchange !== null) {
      state.removePair(r, exchange.replacedEdge);
      state.addPair(r, exchange.newEdge);
      state.addTrio(r, exchange.displaced, exchange.hostEdge);
    }
  }
}

/** The pair meeting (without a third person yet) where c adds the most, or edge -1. */
function bestPairToJoin(
  state: PairingState,
  r: number,
  c: number,
  excludedEdge: number,
): { edge: number; gain: number } {
  const { model, graph } = state;
  const taken = new Set(state.roundTrios[r].map((t) => t.edge));
  let edge = -1;
  let gain = -1;
  for (const e of state.roundEdges[r]) {
    if (e === excludedEdge || taken.has(e)) continue;
    const a = graph.from[e];
    const b = graph.to[e];
    if (a === c || b === c) continue;
    if (!model.pairAllowed(c, a) || !model.pairAllowed(c, b) || state.pairMet(c, a) || state.pairMet(c, b))
      continue;
    const score = model.pairWeight(c, a) + model.pairWeight(c, b);
    if (score > gain) {
      gain = score;
      edge = e;
    }
  }
  return { edge, gain };
}

interface Exchange {
  replacedEdge: number;
  newEdge: number;
  displaced: number;
  hostEdge: number;
}

/** c takes the place of x in pair (x, y); x joins another pair as third person. */
function bestExchange(state: PairingState, r: number, c: number): Exchange | null {
  const { graph } = state;
  const taken = new Set(state.roundTrios[r].map((t) => t.edge));
  let best: Exchange | null = null;
  let bestGain = -Infinity;
  for (const e of state.roundEdges[r]) {
    if (taken.has(e)) continue;
    for (const [x, y] of [
      [graph.from[e], graph.to[e]],
      [graph.to[e], graph.from[e]],
    ]) {
      const newEdge = graph.edgeByKey.get(state.model.pairKey(c, y));
      if (newEdge === undefined || state.edgeRound[newEdge] !== -1) continue;
      const host = bestPairToJoin(state, r, x, e);
      if (host.edge < 0) continue;
      const gain = graph.weight[newEdge] - graph.weight[e] + host.gain;
      if (gain > bestGain) {
        bestGain = gain;
        best = { replacedEdge: e, newEdge, displaced: x, hostEdge: host.edge };
      }
    }
  }
  return best;
}
