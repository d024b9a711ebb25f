import {
  buildProblemModel,
  type OptimiseOptions,
  type ProblemModel,
  type ScheduleProblem,
  type ScheduleResult,
} from '@maillage/schedule-model';
import { fairnessEligible } from '@maillage/schedule-bounds';
import { optimiseSchedule } from '../optimise-schedule';
import { rescoreSchedule } from './rescore';

/** What the optimiser maximises: the total score, or the worst-off participants first (équité). */
export type ScheduleObjective = 'sum' | 'fairness';

export interface FairnessOptions extends OptimiseOptions {
  /** Re-weighted optimisations after the sum plan. Default 4. */
  fairnessIterations?: number;
}

/**
 * Re-weighting strength: a participant whose total is a fraction d below the target (the median)
 * has its edges multiplied by (1 + STRENGTH × d), compounding over iterations up to MAX_MULTIPLIER.
 */
const STRENGTH = 2;
const MAX_MULTIPLIER = 8;
const DEFAULT_ITERATIONS = 4;
const EPS = 1e-9;

/**
 * Fair exposure (max-min first, then the sum): the plan whose poorest eligible participant gets
 * the most; ties broken by the 10th percentile, then by the total. Candidates are the sum-optimal
 * plan and plans optimised on re-weighted pairs, where the edges of participants below the median
 * are boosted in proportion to their deficit (multiplicative weights on the plan found so far).
 * The sum plan is a candidate, so the minimum is never lower than the sum objective's. Scores
 * reported are always the problem's own weights.
 */
export async function optimiseFairSchedule(
  problem: ScheduleProblem,
  options: FairnessOptions = {},
): Promise<ScheduleResult> {
  return (await compareObjectives(problem, options)).fairness;
}

/** Both objectives on one problem (the what-if's cost of fairness); the sum plan is computed once. */
export async function compareObjectives(
  problem: ScheduleProblem,
  options: FairnessOptions = {},
): Promise<{ sum: ScheduleResult; fairness: ScheduleResult }> {
  const model = buildProblemModel(problem);
  const eligible = fairnessEligible(model);
  const iterations = options.fairnessIterations ?? DEFAULT_ITERATIONS;
  const sum = await optimiseSchedule(problem, options);
  let best = sum;
  let bestKey = fairnessKey(best, eligible);
  let current = best;
  const multiplier = new Float64Array(model.n).fill(1);
  let tried = 0;
  for (let k = 0; k < iterations; k++) {
    if (!reweight(model, current, eligible, multiplier)) break;
    tried++;
    const steered = await optimiseSchedule(steeredProblem(problem, model, multiplier), options);
    current = rescoreSchedule(problem, steered);
    const key = fairnessKey(current, eligible);
    if (compareKeys(key, bestKey) > 0) {
      best = current;
      bestKey = key;
    }
  }
  const fairness = {
    ...best,
    algorithm: `${best.algorithm}; fairness: max-min first (best of the sum plan and ${tried} re-weighted plans)`,
  };
  return { sum, fairness };
}

/** The lowest total score among the participants the max-min objective is about (fairnessEligible). */
export function worstOffScore(problem: ScheduleProblem, result: ScheduleResult): number {
  return fairnessKey(result, fairnessEligible(buildProblemModel(problem)))[0];
}

/** [min, p10, total] over the eligible participants: compared lexicographically. */
function fairnessKey(result: ScheduleResult, eligible: Uint8Array): [number, number, number] {
  const scores = result.perParticipant.filter((_, v) => eligible[v] === 1).map((p) => p.score);
  scores.sort((a, b) => a - b);
  if (scores.length === 0) return [0, 0, result.totalScore];
  return [scores[0], scores[Math.max(0, Math.ceil(0.1 * scores.length) - 1)], result.totalScore];
}

function compareKeys(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - y[i]) > EPS) return x[i] - y[i];
  return 0;
}

/** Raises the multipliers of participants below the median; false when nobody is below it. */
function reweight(
  model: ProblemModel,
  result: ScheduleResult,
  eligible: Uint8Array,
  multiplier: Float64Array,
): boolean {
  const scores = result.perParticipant.map((p) => p.score);
  const pool = scores.filter((_, v) => eligible[v] === 1).sort((a, b) => a - b);
  if (pool.length === 0) return false;
  const target = pool[Math.floor(pool.length / 2)];
  if (target <= 0) return false;
  let changed = false;
  for (let v = 0; v < model.n; v++) {
    if (!eligible[v] || scores[v] >= target) continue;
    const deficit = (target - scores[v]) / target;
    multiplier[v] = Math.min(MAX_MULTIPLIER, multiplier[v] * (1 + STRENGTH * deficit));
    changed = true;
  }
  return changed;
}

/** The problem with pair weights w(a, b) × (m(a) + m(b)) / 2, scaled back into [0, 1]. */
function steeredProblem(
  problem: ScheduleProblem,
  model: ProblemModel,
  multiplier: Float64Array,
): ScheduleProblem {
  let top = 1;
  for (const m of multiplier) top = Math.max(top, m);
  const factor = (a: number, b: number): number => (multiplier[a] + multiplier[b]) / (2 * top);
  if (typeof problem.weight === 'function') {
    return { ...problem, weight: (a, b) => model.pairWeight(a, b) * factor(a, b) };
  }
  return {
    ...problem,
    weight: problem.weight.map((c) => {
      const a = model.indexOf.get(c.a) as number;
      const b = model.indexOf.get(c.b) as number;
      return { ...c, weight: model.pairWeight(a, b) * factor(a, b) };
    }),
  };
}
