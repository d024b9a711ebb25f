import type { ScheduleProblem, ScheduleResult } from '@maillage/schedule-model';
import { fairnessUpperBound, lpUpperBound } from '@maillage/schedule-bounds';
import {
  compareObjectives,
  exposureOf,
  optimiseSchedule,
  rescoreSchedule,
  worstOffScore,
  type ExposureSummary,
} from '@maillage/scheduling';
import { type PairWish, type WishReport, wishReport, withWishBonuses } from '@maillage/wishes';
import type { ObjectiveComparison } from './models';

export type Objective = 'SUM' | 'FAIRNESS';

/** LP bounds of the fairness objective (see fairnessUpperBound), kept with the plan they judge. */
export interface StoredFairnessBound {
  maxMin: number | null;
  floor: number;
  sumAtFloor: number | null;
}

export interface PlanOutcome {
  /** Scored with the raw complementarity (wish bonuses only steer the optimiser). */
  result: ScheduleResult;
  bound: number | null;
  fairnessBound: StoredFairnessBound | null;
  wishes: WishReport;
  exposure: ExposureSummary;
  comparison: ObjectiveComparison | null;
}

/**
 * Optimises for the objective (best effort: unplaced participants are listed) on the weights
 * steered by the wishes, then reports on the raw scores: LP bound of the sum, LP bounds of the
 * fairness objective (FAIRNESS only), wishes met, the distribution of scores and meetings, and with
 * FAIRNESS the sum plan beside it (`compare`). Throws the optimiser's own errors.
 */
export async function planSchedule(
  problem: ScheduleProblem,
  pairs: ReadonlyMap<string, PairWish>,
  objective: Objective,
  boundTimeLimitSeconds: number,
): Promise<PlanOutcome> {
  const steered = withWishBonuses(problem, pairs);
  const options = { bestEffort: true };
  let result: ScheduleResult;
  let comparison: ObjectiveComparison | null = null;
  const bound = lpUpperBound(problem, { timeLimitSeconds: boundTimeLimitSeconds }).catch(() => null);
  if (objective === 'FAIRNESS') {
    const both = await compareObjectives(steered, options);
    const sum = rescoreSchedule(problem, both.sum);
    result = rescoreSchedule(problem, both.fairness);
    const [sumMin, fairMin] = [worstOffScore(problem, sum), worstOffScore(problem, result)];
    comparison = {
      sumTotalScore: sum.totalScore,
      fairnessTotalScore: result.totalScore,
      costInTotalScore: round6(sum.totalScore - result.totalScore),
      sumMinScore: sumMin,
      fairnessMinScore: fairMin,
      sumGini: exposureOf(sum).score.gini,
      fairnessGini: exposureOf(result).score.gini,
    };
  } else {
    result = rescoreSchedule(problem, await optimiseSchedule(steered, options));
  }
  const fair =
    objective === 'FAIRNESS'
      ? await fairnessUpperBound(problem, {
          floor: worstOffScore(problem, result),
          timeLimitSeconds: boundTimeLimitSeconds,
        }).catch(() => null)
      : null;
  const sumBound = await bound;
  return {
    result,
    bound: sumBound && Number.isFinite(sumBound.value) ? sumBound.value : null,
    fairnessBound: fair && {
      maxMin: Number.isFinite(fair.maxMin) ? fair.maxMin : null,
      floor: fair.floor,
      sumAtFloor: Number.isFinite(fair.sumAtFloor) ? fair.sumAtFloor : null,
    },
    wishes: wishReport(
      result.rounds.flatMap((r) => r.meetings),
      pairs,
    ),
    exposure: exposureOf(result),
    comparison,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
