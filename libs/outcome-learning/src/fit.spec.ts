import { mulberry32 } from '@maillage/domain';
import { OutcomeSample, auc, fitLogistic, recallOfAgreed, suggestWeights } from './fit';

const current = {
  complementarity: 0.6,
  causes: 0.1,
  proximity: 0.14,
  crossFamily: 0.06,
  allianceForms: 0.05,
  trust: 0.05,
};

/** Pairs whose agreement depends on proximity (x2) and causes (x1), not on complementarity (x0). */
function samples(n: number, seed: number): OutcomeSample[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = [rnd(), rnd(), rnd(), rnd() < 0.5 ? 1 : 0, rnd(), rnd() * 0.5];
    const z = -4 + 3 * x[1] + 5 * x[2];
    return { key: `p${i}`, x, agreed: rnd() < 1 / (1 + Math.exp(-z)) };
  });
}

describe('outcome learning', () => {
  it('auc and recall of agreed pairs', () => {
    expect(auc([3, 2, 1], [true, false, false])).toBe(1);
    expect(auc([1, 2, 3], [true, false, false])).toBe(0);
    expect(auc([1, 1], [true, false])).toBe(0.5);
    const s = [true, false, true].map((agreed, i) => ({ key: `k${i}`, x: [], agreed }));
    expect(recallOfAgreed([0.9, 0.8, 0.1], s)).toBe(0.5);
  });

  it('recovers which components predict agreement, deterministically, and checks on held-out pairs', () => {
    const data = samples(400, 7);
    const r = suggestWeights(current, data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.suggestion;
    expect(s.weights.proximity).toBeGreaterThan(current.proximity);
    expect(s.weights.complementarity).toBeLessThan(current.complementarity);
    expect(s.aucAfter).toBeGreaterThan(s.aucBefore);
    expect(s.train + s.heldOut).toBe(400);
    expect(s.changes.find((c) => c.key === 'proximity')!.explanation).toMatch(/augmente/);
    const total = Object.values(s.weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 3);
    expect(suggestWeights(current, [...data].reverse())).toEqual(r); // order does not matter
    expect(fitLogistic(data.slice(0, 50))).toEqual(fitLogistic(data.slice(0, 50)));
  });

  it('refuses with the count needed when outcomes are too few', () => {
    const r = suggestWeights(current, samples(10, 3));
    expect(r).toMatchObject({ ok: false, reason: 'not_enough_outcomes', needed: 8 });
  });
});
