import { buildProblemModel, checkSchedule, type ScheduleProblem } from '@maillage/schedule-model';
import { optimiseSchedule, rescoreSchedule } from '@maillage/scheduling';
import {
  WISH_BONUS,
  WishLevel,
  pairWishes,
  refusedPairs,
  wishReport,
  withWishBonuses,
  type WishRow,
} from './wish-weights';

const { WANT, MAYBE, NO } = WishLevel;
const wish = (actorId: string, targetId: string, level: WishLevel): WishRow => ({ actorId, targetId, level });

function problem(count: number, rounds: number, salt = 1): ScheduleProblem {
  return {
    participants: Array.from({ length: count }, (_, i) => ({ id: `p${i}` })),
    rounds,
    format: { kind: 'one-to-one' },
    weight: (a, b) => {
      const x = Math.sin((a * 131 + b * 17 + salt) * 12.9898) * 43758.5453;
      return Math.round((x - Math.floor(x)) * 1e4) / 1e4;
    },
    seed: salt,
  };
}

describe('wish weights', () => {
  const registered = new Set(['a', 'b', 'c', 'd', 'e']);

  it('classifies pairs: NO wins, both WANT is mutual, one WANT is one-sided, MAYBE nudges', () => {
    const pairs = pairWishes(
      [
        wish('a', 'b', WANT),
        wish('b', 'a', WANT),
        wish('a', 'c', WANT),
        wish('c', 'a', NO),
        wish('a', 'd', WANT),
        wish('d', 'a', MAYBE),
        wish('b', 'c', MAYBE),
        wish('e', 'a', WANT),
        wish('a', 'x', WANT), // x is not registered: ignored
      ],
      registered,
    );
    expect(pairs.get('a|b')).toMatchObject({ kind: 'mutual', bonus: WISH_BONUS.mutualWant });
    expect(pairs.get('a|c')).toMatchObject({ kind: 'refused', bonus: 0 });
    expect(pairs.get('a|d')).toMatchObject({
      kind: 'one-sided',
      bonus: WISH_BONUS.oneSidedWant + WISH_BONUS.maybe,
    });
    expect(pairs.get('b|c')).toMatchObject({ kind: 'maybe', bonus: WISH_BONUS.maybe });
    expect(pairs.get('a|e')).toMatchObject({ kind: 'one-sided', bonus: WISH_BONUS.oneSidedWant });
    expect(pairs.has('a|x')).toBe(false);
    expect(refusedPairs(pairs)).toEqual([['a', 'c']]);
    // A mutual WANT outweighs a one-sided one, which outweighs MAYBE.
    expect(WISH_BONUS.mutualWant).toBeGreaterThan(WISH_BONUS.oneSidedWant + 2 * WISH_BONUS.maybe);
  });

  it('adds the bonuses and scales the weights back into [0, 1]; without wishes nothing changes', () => {
    const base = problem(4, 1);
    expect(withWishBonuses(base, new Map())).toBe(base);
    const pairs = pairWishes(
      [wish('p0', 'p1', WANT), wish('p1', 'p0', WANT)],
      new Set(['p0', 'p1', 'p2', 'p3']),
    );
    const steered = withWishBonuses(base, pairs);
    const raw = buildProblemModel(base);
    const model = buildProblemModel(steered);
    const scale = 1 + WISH_BONUS.mutualWant;
    expect(model.pairWeight(0, 1)).toBeCloseTo((raw.pairWeight(0, 1) + WISH_BONUS.mutualWant) / scale, 9);
    expect(model.pairWeight(2, 3)).toBeCloseTo(raw.pairWeight(2, 3) / scale, 9);
  });

  it('always respects NO (must-not-meet), and the plan meets most mutual wishes', async () => {
    for (const salt of [1, 2, 3]) {
      const base = problem(20, 4, salt);
      const ids = base.participants.map((p) => p.id);
      const registered = new Set(ids);
      const wishes: WishRow[] = [];
      // Everybody refuses their two best partners by raw score and wants two others mutually.
      const model = buildProblemModel(base);
      for (let v = 0; v < 20; v++) {
        const byScore = ids
          .map((_, u) => u)
          .filter((u) => u !== v)
          .sort((x, y) => model.pairWeight(v, y) - model.pairWeight(v, x));
        wishes.push(wish(ids[v], ids[byScore[0]], NO), wish(ids[v], ids[byScore[1]], NO));
      }
      for (let v = 0; v < 20; v += 2)
        wishes.push(wish(ids[v], ids[(v + 5) % 20], WANT), wish(ids[(v + 5) % 20], ids[v], WANT));
      const pairs = pairWishes(wishes, registered);
      const withRefusals = { ...base, mustNotMeet: refusedPairs(pairs) };
      const result = rescoreSchedule(
        withRefusals,
        await optimiseSchedule(withWishBonuses(withRefusals, pairs)),
      );
      expect(checkSchedule(withRefusals, result)).toEqual([]);
      const report = wishReport(
        result.rounds.flatMap((r) => r.meetings),
        pairs,
      );
      expect(report.refusedSeated).toBe(0);
      expect(report.refusedPairs).toBeGreaterThan(0);
      expect(report.mutualTotal).toBeGreaterThan(0);
      expect(report.mutualMet / report.mutualTotal).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('counts met wishes per kind', () => {
    const pairs = pairWishes(
      [
        wish('a', 'b', WANT),
        wish('b', 'a', WANT),
        wish('c', 'd', WANT),
        wish('a', 'e', WANT),
        wish('c', 'e', NO),
      ],
      registered,
    );
    const report = wishReport([{ participantIds: ['a', 'b'] }, { participantIds: ['c', 'd', 'e'] }], pairs);
    expect(report).toEqual({
      mutualMet: 1,
      mutualTotal: 1,
      oneSidedMet: 1,
      oneSidedTotal: 2,
      refusedPairs: 1,
      refusedSeated: 1,
    });
  });
});
