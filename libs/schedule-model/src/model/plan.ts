/** Format-independent schedule under construction, by participant index. */
export interface PlannedMeeting {
  members: number[];
  locked: boolean;
  /** 1-based table number; the result builder numbers the others. */
  table?: number;
}

/** plan[r] = meetings of round r. */
export type InternalPlan = PlannedMeeting[][];

/** Sum of pair weights over all meetings, each distinct pair counted once. */
export function planScore(
  plan: InternalPlan,
  pairWeight: (a: number, b: number) => number,
  n: number,
): number {
  const seen = new Set<number>();
  let total = 0;
  for (const round of plan) {
    for (const meeting of round) {
      const m = meeting.members;
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const a = Math.min(m[i], m[j]);
          const b = Math.max(m[i], m[j]);
          const key = a * n + b;
          if (seen.has(key)) continue;
          seen.add(key);
          total += pairWeight(a, b);
        }
      }
    }
  }
  return total;
}
