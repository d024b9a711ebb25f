import { AllianceForm } from '@maillage/domain';
import { FIXTURE_ACTORS, FIXTURE_ALLIANCES } from '../bench/alliances/real-alliances';
import { allianceRecall, seedTaxonomy } from '../bench/alliance-recall';

describe('alliance evaluation fixture', () => {
  it('documents 20+ real alliances of all four forms, each with a source, in the seed taxonomy', () => {
    expect(FIXTURE_ALLIANCES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(FIXTURE_ALLIANCES.map((a) => a.form))).toEqual(new Set(Object.values(AllianceForm)));
    const ids = new Set(FIXTURE_ACTORS.map((a) => a.id));
    const taxonomy = seedTaxonomy();
    for (const al of FIXTURE_ALLIANCES) {
      expect(ids.has(al.a) && ids.has(al.b)).toBe(true);
      expect(al.source.length).toBeGreaterThan(10);
    }
    for (const a of FIXTURE_ACTORS)
      for (const [c] of [...a.offers, ...a.needs])
        expect(`${a.id}: ${c} ${taxonomy.has(c)}`).toMatch(/true$/);
  });

  it('loads among distractors and computes recall@10 per form and overall', () => {
    const r = allianceRecall({ distractorsPerDepartement: 60 });
    expect(r.distractors).toBeGreaterThan(0);
    for (const v of [r.allianceRecallAt10, r.blended, ...Object.values(r.perForm)]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // misses list exactly the alliances not found both ways
    expect(
      r.misses.every((m) => !(m.rankAB !== null && m.rankAB <= 10 && m.rankBA !== null && m.rankBA <= 10)),
    ).toBe(true);
    console.log(JSON.stringify({ ...r, misses: r.misses.length }));
  });
});
