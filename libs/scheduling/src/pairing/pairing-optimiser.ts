import { buildCandidateGraph } from '../internal/candidate-graph';
import type { InternalPlan } from '../internal/plan';
import type { ProblemModel } from '../internal/problem-model';
import { createPrng } from '../internal/prng';
import { bonusConfig } from './edge-bonuses';
import { PairingState } from './pairing-state';
import { solveRoundMatching } from './round-matching';
import { seatTrios } from './trio-seating';

export interface PairingSettings {
  candidatesPerParticipant: number;
  /** Unused candidate edges per participant offered to each round's matching. */
  roundCandidates: number;
  fairnessBonus: number;
  maxImprovementPasses: number;
  improvementTimeMs: number;
}

export interface PairingOutcome {
  plan: InternalPlan;
  candidateEdges: number;
  matchingsSolved: number;
  improvementPasses: number;
  constructionScore: number;
  finalScore: number;
}

/**
 * One-to-one and bipartite rounds. Construction: one maximum-weight matching per round, in round
 * order, on each participant's best unused candidate edges. Improvement (the look-ahead the
 * construction lacks): repeatedly re-solve each round's matching with all other rounds fixed,
 * offering the round's current pairs too, so each step can only raise the objective; pairs freed
 * in one round become available to the others in the same pass, which amounts to swapping pairs
 * between rounds.
 */
export function optimisePairs(model: ProblemModel, settings: PairingSettings): PairingOutcome {
  const started = Date.now();
  const graph = buildCandidateGraph(model, settings.candidatesPerParticipant, PairingState.lockedPairKeys(model));
  const state = new PairingState(model, graph);
  const random = createPrng(model.problem.seed);
  const bonus = bonusConfig(settings.fairnessBonus);
  const trios = model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio';
  let matchingsSolved = 0;

  for (let r = model.fixedRounds; r < model.roundCount; r++) {
    const outcome = solveRoundMatching(state, r, {
      perVertexEdges: settings.roundCandidates,
      keepEdges: [],
      bonus,
      random,
    });
    matchingsSolved += outcome.matchingsSolved;
    for (const e of outcome.edges) state.addPair(r, e);
    if (trios) seatTrios(state, r, random);
    state.planned[r] = 1;
  }
  const constructionScore = rawScore(state);

  let passes = 0;
  const openRounds = model.roundCount - model.fixedRounds;
  const deadline = started + settings.improvementTimeMs;
  while (passes < settings.maxImprovementPasses && openRounds > 1 && Date.now() < deadline) {
    passes++;
    let changed = false;
    for (let r = model.fixedRounds; r < model.roundCount && Date.now() < deadline; r++) {
      const previousEdges = [...state.roundEdges[r]];
      const previousTrios = [...state.roundTrios[r]];
      state.clearRound(r);
      const outcome = solveRoundMatching(state, r, {
        perVertexEdges: settings.roundCandidates,
        keepEdges: previousEdges,
        bonus,
        random,
      });
      matchingsSolved += outcome.matchingsSolved;
      if (outcome.objective > outcome.keepObjective) {
        changed = true;
        for (const e of outcome.edges) state.addPair(r, e);
        if (trios) seatTrios(state, r, random);
      } else {
        for (const e of previousEdges) state.addPair(r, e);
        for (const t of previousTrios) state.addTrio(r, t.joiner, t.edge);
      }
    }
    if (!changed) break;
  }

  return {
    plan: state.toPlan(),
    candidateEdges: graph.edgeCount,
    matchingsSolved,
    improvementPasses: passes,
    constructionScore,
    finalScore: rawScore(state),
  };
}

function rawScore(state: PairingState): number {
  let total = 0;
  for (let r = 0; r < state.rounds; r++) {
    for (const e of state.roundEdges[r]) total += state.graph.weight[e];
    for (const t of state.roundTrios[r]) {
      total += state.model.pairWeight(t.joiner, state.graph.from[t.edge]);
      total += state.model.pairWeight(t.joiner, state.graph.to[t.edge]);
    }
  }
  return total;
}
