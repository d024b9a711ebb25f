import {
  PairingState,
  type CandidateGraph,
  type InternalPlan,
  type ProblemModel,
  type TrioSeat,
} from '@maillage/schedule-model';
import { mulberry32 } from '@maillage/domain';
import { bonusConfig } from './edge-bonuses';
import { planPotential } from './plan-potential';
import { solveRoundMatching } from './round-matching';
import { seatTrios } from './trio-seating';

export interface PairingSettings {
  fairnessBonus: number;
  /** Passes of round re-optimisation (each pass stops early when nothing improves). */
  maxImprovementPasses: number;
  /** Cap on round re-solves by the improvement passes (a deterministic work budget). */
  improvementRounds: number;
  /** Optional wall-clock cap for the improvement passes; results then depend on machine speed. */
  improvementTimeMs?: number;
}

export interface PairingOutcome {
  plan: InternalPlan;
  matchingsSolved: number;
  improvementPasses: number;
  constructionScore: number;
  finalScore: number;
  constructionMs: number;
  improvementMs: number;
}

/**
 * One-to-one and bipartite rounds.
 *
 * Construction: one exact maximum-weight matching per round, in round order, over the unused
 * candidate edges. Weights = score + bonuses for fairness, minimum meetings and must-meets, +
 * the per-round edge bonus when given: the LP guidance (pairs of the LP optimum, see lpGuidance),
 * which is the look-ahead (early rounds no longer take pairs that later rounds need more), or
 * the stability bonus of live re-pairing.
 *
 * Improvement: each round is re-solved on the true objective (no guidance) with all other rounds
 * fixed, offering the pairs freed by earlier re-solves; a new round is kept only if the plan
 * potential (score + fairness terms) increases, so a pass can only improve the plan.
 */
export function optimisePairs(
  model: ProblemModel,
  graph: CandidateGraph,
  edgeBonusForRound: (round: number) => Float64Array | null,
  settings: PairingSettings,
): PairingOutcome {
  const started = Date.now();
  const state = new PairingState(model, graph);
  const random = mulberry32(model.problem.seed);
  const bonus = bonusConfig(settings.fairnessBonus);
  const trios = model.format.kind === 'one-to-one' && model.format.oddOneOut === 'trio';
  let matchingsSolved = 0;

  const fillRound = (r: number, edgeBonus: Float64Array | null, seedEdges: readonly number[] = []): void => {
    const seedMask = edgeBonusForRound(r);
    const params = { bonus, random, edgeBonus, seedEdges, seedMask };
    let outcome = solveRoundMatching(state, r, params);
    matchingsSolved += outcome.matchingsSolved;
    // Fair exposure: nobody sits out while a partner is free. The weights (LP guidance above
    // all) can prefer two idle people to a reshuffle; solve again seating as many as possible.
    if (
      idleAfter(state, r, outcome.edges) >= 2 &&
      outcome.edges.length < model.tablesPerRound - state.lockedCount(r)
    ) {
      const seated = solveRoundMatching(state, r, {
        ...params,
        seedEdges: [...seedEdges, ...outcome.edges],
        maximiseSeated: true,
      });
      matchingsSolved += seated.matchingsSolved;
      if (seated.edges.length > outcome.edges.length) outcome = seated;
    }
    for (const e of outcome.edges) state.addPair(r, e);
    if (trios) seatTrios(state, r, random);
    state.planned[r] = 1;
  };
  for (let r = model.fixedRounds; r < model.roundCount; r++) fillRound(r, edgeBonusForRound(r));
  const constructionScore = rawScore(state);
  const constructed = Date.now();

  let roundsLeft = settings.improvementRounds;
  const deadline = settings.improvementTimeMs === undefined ? Infinity : started + settings.improvementTimeMs;
  const withinBudget = (): boolean => roundsLeft > 0 && Date.now() < deadline;
  let potential = planPotential(state, bonus);
  let passes = 0;
  while (passes < settings.maxImprovementPasses && withinBudget()) {
    passes++;
    let improved = false;
    for (let r = model.fixedRounds; r < model.roundCount && withinBudget(); r++) {
      roundsLeft--;
      const savedEdges = [...state.roundEdges[r]];
      const savedTrios = [...state.roundTrios[r]];
      state.clearRound(r);
      fillRound(r, null, savedEdges);
      const next = planPotential(state, bonus);
      if (next > potential) {
        potential = next;
        improved = true;
      } else {
        state.clearRound(r);
        restoreRound(state, r, savedEdges, savedTrios);
      }
    }
    if (!improved) break;
  }

  return {
    plan: state.toPlan(),
    matchingsSolved,
    improvementPasses: passes,
    constructionScore,
    finalScore: rawScore(state),
    constructionMs: constructed - started,
    improvementMs: Date.now() - constructed,
  };
}

/** Participants who could meet in round r but are left out by `edges`. */
function idleAfter(state: PairingState, r: number, edges: readonly number[]): number {
  let idle = 0;
  for (let v = 0; v < state.n; v++) if (state.canMeetIn(v, r)) idle++;
  return idle - 2 * edges.length;
}

function restoreRound(
  state: PairingState,
  r: number,
  edges: readonly number[],
  trios: readonly TrioSeat[],
): void {
  for (const e of edges) state.addPair(r, e);
  for (const t of trios) state.addTrio(r, t.joiner, t.edge);
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
