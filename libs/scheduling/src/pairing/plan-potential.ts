import { scaleWeight, type PairingState } from '@maillage/schedule-model';
import type { BonusConfig } from './edge-bonuses';

/**
 * Global objective the improvement moves must increase (integer units): score of every meeting,
 * a small per-meeting bonus, must-meets honoured, minus fairness penalties. Sit-outs beyond a
 * participant's allowance are penalised quadratically, so spreading them over several people is
 * preferred to piling them on one.
 */
export function planPotential(state: PairingState, config: BonusConfig): number {
  const { graph, model } = state;
  let potential = 0;
  for (let r = model.fixedRounds; r < state.rounds; r++) {
    for (const e of state.roundEdges[r]) {
      potential += graph.scaled[e] + config.perMeeting;
      if (graph.mustMeet[e]) potential += config.mustMeet;
    }
    for (const { joiner, edge } of state.roundTrios[r]) {
      potential += config.perMeeting / 2;
      potential += scaleWeight(model.pairWeight(joiner, graph.from[edge]));
      potential += scaleWeight(model.pairWeight(joiner, graph.to[edge]));
    }
  }
  return potential - fairnessPenalty(state, config);
}

/** Zero when nobody sits out more than allowed and every minimum is reached. */
export function fairnessPenalty(state: PairingState, config: BonusConfig): number {
  let penalty = 0;
  for (let v = 0; v < state.n; v++) {
    const excess = Math.max(0, state.sitOuts(v, -1) - state.sitOutAllowance(v));
    penalty += config.perSitOut * excess * excess;
    penalty += config.minMeetingsUrgent * Math.max(0, state.model.minMeetings[v] - state.meetings[v]);
  }
  return penalty;
}
