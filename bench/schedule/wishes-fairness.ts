/**
 * Wishes and fair exposure, for `npm run bench:schedule` (called once from run.ts, kept apart so
 * the two parts merge easily). Each figure is compared in the same run with the greedy baseline and,
 * where it exists, with the exact ILP optimum (small cases) or the LP bound.
 */
import { exactOptimum, fairnessUpperBound, lpUpperBound } from '../../libs/schedule-bounds/src';
import { type ScheduleProblem, type ScheduleResult, checkSchedule } from '../../libs/schedule-model/src';
import {
  compareObjectives,
  exposureOf,
  greedySchedule,
  optimiseSchedule,
  rescoreSchedule,
  worstOffScore,
} from '../../libs/scheduling/src';
import {
  type PairWish,
  type WishRow,
  WishLevel,
  pairWishes,
  refusedPairs,
  wishReport,
  withWishBonuses,
} from '../../libs/wishes/src';
import { mulberry32 } from '@maillage/domain';
import { oneToOneInstance } from './synthetic-instances';

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const share = (met: number, total: number): number => (total === 0 ? 1 : round(met / total, 4));

/**
 * Wishes drawn the way participants express them: a third of the participants pair up with a
 * mutual WANT (mostly with someone not among their best-scored partners), each says WANT about two
 * more and NO about one, a few MAYBEs.
 */
function randomWishes(problem: ScheduleProblem, seed: number, stars = 0): WishRow[] {
  const random = mulberry32(seed);
  const ids = problem.participants.map((p) => p.id);
  const n = ids.length;
  const pick = (not: number): number => {
    for (;;) {
      const u = Math.floor(random() * n);
      if (u !== not) return u;
    }
  };
  const wishes: WishRow[] = [];
  const order = ids.map((_, i) => i).sort(() => random() - 0.5);
  for (let i = 0; i + 1 < Math.floor(n / 3); i += 2) {
    const [a, b] = [order[i], order[i + 1]];
    wishes.push({ actorId: ids[a], targetId: ids[b], level: WishLevel.WANT });
    wishes.push({ actorId: ids[b], targetId: ids[a], level: WishLevel.WANT });
  }
  for (let v = 0; v < n; v++) {
    wishes.push({ actorId: ids[v], targetId: ids[pick(v)], level: WishLevel.WANT });
    wishes.push({ actorId: ids[v], targetId: ids[pick(v)], level: WishLevel.WANT });
    wishes.push({ actorId: ids[v], targetId: ids[pick(v)], level: WishLevel.NO });
    if (random() < 0.3) wishes.push({ actorId: ids[v], targetId: ids[pick(v)], level: WishLevel.MAYBE });
  }
  // Crowded: `stars` popular participants each want (and are wanted by) 2 × rounds others, more
  // than they have rounds for: the plan must choose which mutual wishes to meet.
  for (let star = 0; star < stars; star++) {
    for (let k = 1; k <= 2 * problem.rounds; k++) {
      const other = (star + k * stars) % n;
      if (other === star) continue;
      wishes.push({ actorId: ids[star], targetId: ids[other], level: WishLevel.WANT });
      wishes.push({ actorId: ids[other], targetId: ids[star], level: WishLevel.WANT });
    }
  }
  // Later rows win for the same (actor, target), as an upsert would.
  const last = new Map(wishes.map((w) => [`${w.actorId}>${w.targetId}`, w]));
  return [...last.values()];
}

interface WishPlanFigures {
  mutualShare: number;
  oneSidedShare: number;
  refusedSeated: number;
  rawScore: number;
  objective: number;
  violations: number;
  wallMs: number;
}

function wishFigures(
  raw: ScheduleProblem,
  steered: ScheduleProblem,
  pairs: ReadonlyMap<string, PairWish>,
  result: ScheduleResult,
  wallMs: number,
): WishPlanFigures {
  const report = wishReport(
    result.rounds.flatMap((r) => r.meetings),
    pairs,
  );
  return {
    mutualShare: share(report.mutualMet, report.mutualTotal),
    oneSidedShare: share(report.oneSidedMet, report.oneSidedTotal),
    refusedSeated: report.refusedSeated,
    rawScore: round(rescoreSchedule(raw, result).totalScore, 4),
    objective: round(result.totalScore, 4),
    violations: checkSchedule(steered, result).length,
    wallMs: round(wallMs, 0),
  };
}

async function wishInstance(
  name: string,
  count: number,
  rounds: number,
  seed: number,
  exact: boolean,
  stars = 0,
) {
  const base = oneToOneInstance(count, rounds, seed);
  const pairs = pairWishes(
    randomWishes(base, seed * 7 + 1, stars),
    new Set(base.participants.map((p) => p.id)),
  );
  const raw: ScheduleProblem = { ...base, mustNotMeet: refusedPairs(pairs) };
  const steered = withWishBonuses(raw, pairs);
  const kinds = [...pairs.values()];
  let started = performance.now();
  const optimised = await optimiseSchedule(steered);
  const optimiser = wishFigures(raw, steered, pairs, optimised, performance.now() - started);
  started = performance.now();
  const greedy = wishFigures(raw, steered, pairs, greedySchedule(steered), performance.now() - started);
  let reference: Record<string, number | string> | null = null;
  if (exact) {
    started = performance.now();
    const ilp = await exactOptimum(steered, { timeLimitSeconds: 60 });
    const figures = ilp.schedule
      ? wishFigures(raw, steered, pairs, ilp.schedule, performance.now() - started)
      : null;
    reference = {
      kind: `exact ILP (${ilp.status})`,
      mutualShare: figures?.mutualShare ?? Number.NaN,
      objective: round(ilp.value, 4),
      bound: round(ilp.bound, 4),
      wallMs: round(performance.now() - started, 0),
    };
  } else {
    const bound = await lpUpperBound(steered);
    reference = { kind: `LP bound (${bound.status})`, objective: round(bound.value, 4) };
  }
  const objectiveRef = Number(reference.objective);
  return {
    name,
    participants: count,
    rounds,
    mutualPairs: kinds.filter((p) => p.kind === 'mutual').length,
    oneSidedPairs: kinds.filter((p) => p.kind === 'one-sided').length,
    refusedPairs: kinds.filter((p) => p.kind === 'refused').length,
    optimiser,
    greedy,
    reference,
    /** Steered objective (complementarity + wish bonuses, scaled) as a share of the ILP optimum or LP bound. */
    optimiserPercentOfReference: round((100 * optimiser.objective) / objectiveRef, 3),
    greedyPercentOfReference: round((100 * greedy.objective) / objectiveRef, 3),
  };
}

async function fairnessInstance(name: string, count: number, rounds: number, seed: number) {
  const problem = oneToOneInstance(count, rounds, seed);
  const started = performance.now();
  const both = await compareObjectives(problem);
  const wallMs = performance.now() - started;
  const greedy = greedySchedule(problem);
  const figures = (r: ScheduleResult) => {
    const e = exposureOf(r);
    return {
      total: round(r.totalScore, 4),
      min: round(worstOffScore(problem, r), 4),
      p10: e.score.p10,
      median: e.score.median,
      gini: e.score.gini,
      minMeetings: e.meetings.min,
      violations: checkSchedule(problem, r).length,
    };
  };
  const fair = figures(both.fairness);
  const sum = figures(both.sum);
  const bound = await fairnessUpperBound(problem, { floor: fair.min });
  const sumBound = await lpUpperBound(problem);
  return {
    name,
    participants: count,
    rounds,
    sum,
    fairness: fair,
    greedy: figures(greedy),
    fairnessWallMs: round(wallMs, 0),
    costPercentOfSum: round((100 * (sum.total - fair.total)) / sum.total, 3),
    bounds: {
      sum: round(sumBound.value, 4),
      maxMin: bound.maxMin,
      sumAtFloor: bound.sumAtFloor,
      floor: bound.floor,
      wallMs: bound.elapsedMs,
    },
    /** Achieved minimum as a share of the max-min LP bound, for each plan. */
    minPercentOfMaxMinBound: {
      fairness: round((100 * fair.min) / bound.maxMin, 2),
      sum: round((100 * sum.min) / bound.maxMin, 2),
      greedy: round((100 * figures(greedy).min) / bound.maxMin, 2),
    },
    sumPercentOfBoundAtFloor: round((100 * fair.total) / bound.sumAtFloor, 3),
  };
}

export async function runWishesAndFairness() {
  const wishes = [
    await wishInstance('wishes 24x4 (vs ILP)', 24, 4, 11, true),
    await wishInstance('wishes 30x5 (vs ILP)', 30, 5, 12, true),
    await wishInstance('crowded 30x4 (vs ILP)', 30, 4, 14, true, 4),
    await wishInstance('wishes 120x6 (vs LP)', 120, 6, 13, false),
  ];
  const fairness = [
    await fairnessInstance('fairness 60x6', 60, 6, 21),
    await fairnessInstance('fairness 120x8', 120, 8, 22),
  ];

  console.log('');
  console.log('wishes: share met (optimiser / greedy / reference), objective % of reference, NO seated');
  for (const w of wishes) {
    console.log(
      `${w.name.padEnd(22)} mutual ${w.optimiser.mutualShare} / ${w.greedy.mutualShare} / ${w.reference.mutualShare ?? '-'}` +
        `  one-sided ${w.optimiser.oneSidedShare} / ${w.greedy.oneSidedShare}` +
        `  objective ${w.optimiserPercentOfReference}% / ${w.greedyPercentOfReference}% of ${w.reference.kind}` +
        `  NO seated ${w.optimiser.refusedSeated}/${w.greedy.refusedSeated}  (${w.mutualPairs} mutual, ${w.oneSidedPairs} one-sided, ${w.refusedPairs} refused pairs; ${w.optimiser.wallMs} ms)`,
    );
  }
  console.log('fairness: min score (fair / sum / greedy), Gini, cost of fairness, bounds');
  for (const f of fairness) {
    console.log(
      `${f.name.padEnd(22)} min ${f.fairness.min} / ${f.sum.min} / ${f.greedy.min} (max-min LP ${f.bounds.maxMin})` +
        `  p10 ${f.fairness.p10} / ${f.sum.p10} / ${f.greedy.p10}  Gini ${f.fairness.gini} / ${f.sum.gini} / ${f.greedy.gini}` +
        `  total ${f.fairness.total} / ${f.sum.total} / ${f.greedy.total} (cost ${f.costPercentOfSum}%, ${f.sumPercentOfBoundAtFloor}% of the sum bound at its floor)` +
        `  ${f.fairnessWallMs} ms`,
    );
  }
  const violations =
    wishes.reduce((n, w) => n + w.optimiser.violations + w.optimiser.refusedSeated, 0) +
    fairness.reduce((n, f) => n + f.fairness.violations + f.sum.violations, 0);
  return {
    wishes,
    fairness,
    targets: {
      /** Optimiser's share of mutual wishes met minus the exact optimum's (small cases). */
      mutualWishShareVsExact: {
        target: '>= 0',
        measured: Math.min(
          ...wishes
            .filter((w) => w.reference.mutualShare !== undefined)
            .map((w) => round(w.optimiser.mutualShare - Number(w.reference.mutualShare), 4)),
        ),
      },
      refusedSeated: { target: '0', measured: wishes.reduce((n, w) => n + w.optimiser.refusedSeated, 0) },
      fairnessMinGainOverSum: {
        target: '> 0',
        measured: Math.min(...fairness.map((f) => round(f.fairness.min - f.sum.min, 4))),
      },
      violations: { target: '0', measured: violations },
    },
  };
}
