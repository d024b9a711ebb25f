import type { ScheduleProblem } from '@maillage/schedule-model';

/** What a participant says about meeting another one before the event. */
export enum WishLevel {
  /** « Je veux rencontrer ». */
  WANT = 'WANT',
  /** « Pourquoi pas ». */
  MAYBE = 'MAYBE',
  /** « Non merci »: a hard exclusion, never seated together. */
  NO = 'NO',
}

/**
 * Bonuses added to a pair's complementarity (in [0, 1]) in the optimiser's objective: the one place
 * these constants live. A mutual WANT (1.0) makes the pair worth more than any pair without one, so
 * such pairs are seated whenever the constraints allow (measured: 0.5 still lost 3 of 10 mutual
 * wishes of weak raw score on 20 x 4, even at the exact optimum); a one-sided WANT (0.25) tips close
 * calls; each MAYBE adds a nudge (0.05). Weights are then divided by (1 + the largest bonus in use)
 * to stay in [0, 1]. Reported scores stay the raw complementarity.
 */
export const WISH_BONUS = { mutualWant: 1, oneSidedWant: 0.25, maybe: 0.05 } as const;

export interface WishRow {
  actorId: string;
  targetId: string;
  level: WishLevel;
}

export type WishKind = 'refused' | 'mutual' | 'one-sided' | 'maybe';

/** The wishes of one unordered pair (a < b). */
export interface PairWish {
  a: string;
  b: string;
  kind: WishKind;
  /** Bonus on the pair's weight (0 when refused: the pair is excluded instead). */
  bonus: number;
}

const key = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Classifies each pair of registered participants someone expressed a wish about. */
export function pairWishes(
  wishes: readonly WishRow[],
  registered: ReadonlySet<string>,
): Map<string, PairWish> {
  const levels = new Map<string, { a: string; b: string; ab?: WishLevel; ba?: WishLevel }>();
  for (const w of wishes) {
    if (w.actorId === w.targetId || !registered.has(w.actorId) || !registered.has(w.targetId)) continue;
    const k = key(w.actorId, w.targetId);
    const [a, b] = w.actorId < w.targetId ? [w.actorId, w.targetId] : [w.targetId, w.actorId];
    const entry = levels.get(k) ?? { a, b };
    if (w.actorId === a) entry.ab = w.level;
    else entry.ba = w.level;
    levels.set(k, entry);
  }
  const out = new Map<string, PairWish>();
  for (const [k, { a, b, ab, ba }] of levels) {
    const both = [ab, ba];
    const wants = both.filter((l) => l === WishLevel.WANT).length;
    const maybes = both.filter((l) => l === WishLevel.MAYBE).length;
    if (both.includes(WishLevel.NO)) out.set(k, { a, b, kind: 'refused', bonus: 0 });
    else if (wants === 2) out.set(k, { a, b, kind: 'mutual', bonus: WISH_BONUS.mutualWant });
    else if (wants === 1)
      out.set(k, { a, b, kind: 'one-sided', bonus: WISH_BONUS.oneSidedWant + maybes * WISH_BONUS.maybe });
    else out.set(k, { a, b, kind: 'maybe', bonus: maybes * WISH_BONUS.maybe });
  }
  return out;
}

/** Pairs one side declined: the optimiser never seats them together. */
export function refusedPairs(pairs: ReadonlyMap<string, PairWish>): [string, string][] {
  return [...pairs.values()].filter((p) => p.kind === 'refused').map((p) => [p.a, p.b]);
}

/**
 * The problem the optimiser maximises: each pair's weight plus its wish bonus, divided by
 * (1 + the largest bonus in use) to stay in [0, 1]. Without wishes the problem is returned as is.
 */
export function withWishBonuses(
  problem: ScheduleProblem,
  pairs: ReadonlyMap<string, PairWish>,
): ScheduleProblem {
  let top = 0;
  for (const p of pairs.values()) top = Math.max(top, p.bonus);
  if (top === 0) return problem;
  const scale = 1 + top;
  const ids = problem.participants.map((p) => p.id);
  const bonus = (x: string, y: string): number => pairs.get(key(x, y))?.bonus ?? 0;
  const weight = problem.weight;
  if (typeof weight === 'function') {
    return { ...problem, weight: (a, b) => (weight(a, b) + bonus(ids[a], ids[b])) / scale };
  }
  // Sparse weights: listed pairs get their bonus; wished pairs missing from the list are added.
  const listed = new Set(weight.map((c) => key(c.a, c.b)));
  const extra = [...pairs.values()].filter((p) => p.bonus > 0 && !listed.has(key(p.a, p.b)));
  return {
    ...problem,
    weight: [
      ...weight.map((c) => ({ ...c, weight: (c.weight + bonus(c.a, c.b)) / scale })),
      ...extra.map((p) => ({ a: p.a, b: p.b, weight: p.bonus / scale })),
    ],
  };
}

/** How many wishes a plan meets (refused pairs seated anyway should stay at 0). */
export interface WishReport {
  mutualMet: number;
  mutualTotal: number;
  oneSidedMet: number;
  oneSidedTotal: number;
  refusedPairs: number;
  refusedSeated: number;
}

export function wishReport(
  meetings: readonly { participantIds: readonly string[] }[],
  pairs: ReadonlyMap<string, PairWish>,
): WishReport {
  const met = new Set<string>();
  for (const m of meetings) {
    const ids = m.participantIds;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) met.add(key(ids[i], ids[j]));
  }
  const report: WishReport = {
    mutualMet: 0,
    mutualTotal: 0,
    oneSidedMet: 0,
    oneSidedTotal: 0,
    refusedPairs: 0,
    refusedSeated: 0,
  };
  for (const [k, p] of pairs) {
    const seated = met.has(k) ? 1 : 0;
    if (p.kind === 'mutual') {
      report.mutualTotal++;
      report.mutualMet += seated;
    } else if (p.kind === 'one-sided') {
      report.oneSidedTotal++;
      report.oneSidedMet += seated;
    } else if (p.kind === 'refused') {
      report.refusedPairs++;
      report.refusedSeated += seated;
    }
  }
  return report;
}
