import type { ScheduleResult } from '@maillage/schedule-model';

/** Spread of one quantity over the participants (a schedule's fair-exposure report). */
export interface Distribution {
  min: number;
  /** 10th percentile (nearest rank): the worst-off tenth gets at most this. */
  p10: number;
  median: number;
  max: number;
  mean: number;
  /** Gini coefficient in [0, 1]: 0 = everybody gets the same, towards 1 = one gets everything. */
  gini: number;
}

export interface ExposureSummary {
  participants: number;
  /** Each participant's total score (sum of the pair scores of its meetings). */
  score: Distribution;
  meetings: Distribution;
}

/** Gini coefficient from the sorted values: (2 Σ i·x(i)) / (n Σ x) − (n + 1) / n, i 1-based. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    sum += x;
    weighted += (i + 1) * x;
  });
  if (n === 0 || sum <= 0) return 0;
  return round6(Math.max(0, (2 * weighted) / (n * sum) - (n + 1) / n));
}

export function distribution(values: readonly number[]): Distribution {
  const n = values.length;
  if (n === 0) return { min: 0, p10: 0, median: 0, max: 0, mean: 0, gini: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return {
    min: round6(sorted[0]),
    p10: round6(sorted[Math.max(0, Math.ceil(0.1 * n) - 1)]),
    median: round6(median),
    max: round6(sorted[n - 1]),
    mean: round6(sorted.reduce((s, x) => s + x, 0) / n),
    gini: gini(sorted),
  };
}

/** Distribution of every participant's total score and meeting count (breaks count as zero). */
export function exposureOf(result: Pick<ScheduleResult, 'perParticipant'>): ExposureSummary {
  return {
    participants: result.perParticipant.length,
    score: distribution(result.perParticipant.map((p) => p.score)),
    meetings: distribution(result.perParticipant.map((p) => p.meetings)),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
