import { shuffleInPlace } from '../internal/prng';
import type { PairingState } from './pairing-state';

/**
 * Seats each participant left without a partner in round r (odd count, or no compatible partner)
 * as a third person at the pair meeting where they add the most complementarity, provided they
 * have met neither member and may meet both. Used only when the caller enables trios.
 */
export function seatTrios(state: PairingState, r: number, random: () => number): void {
  const { model, graph } = state;
  const waiting: number[] = [];
  for (let v = 0; v < state.n; v++) if (state.canMeetIn(v, r)) waiting.push(v);
  shuffleInPlace(waiting, random);
  const hasJoiner = new Set(state.roundTrios[r].map((t) => t.edge));
  for (const c of waiting) {
    let best = -1;
    let bestScore = -1;
    for (const e of state.roundEdges[r]) {
      if (hasJoiner.has(e)) continue;
      const a = graph.from[e];
      const b = graph.to[e];
      if (!model.pairAllowed(c, a) || !model.pairAllowed(c, b)) continue;
      if (state.pairMet(c, a) || state.pairMet(c, b)) continue;
      const score = model.pairWeight(c, a) + model.pairWeight(c, b);
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
    if (best >= 0) {
      state.addTrio(r, c, best);
      hasJoiner.add(best);
    }
  }
}
