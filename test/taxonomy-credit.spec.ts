import { ActorKind, Modality, familyOfKind, mulberry32 } from '@maillage/domain';
import { loadCompetences } from '@maillage/reference';
import { DEFAULT_PROFILE, ScoringActor, Taxonomy, scorePair } from '@maillage/scoring';

/**
 * Property over the whole competence taxonomy (graph-seeds): credit only pairs competences that are
 * the same, parent and child, or siblings the seed declares substitutable — read here from the seed
 * rows themselves, not from the Taxonomy class under test.
 */
describe('taxonomy credit (graph-seeds/competences.json)', () => {
  const rows = loadCompetences();
  const taxonomy = new Taxonomy(rows);
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const declared = new Set(
    rows.flatMap((r) => r.substitutes.flatMap((s) => [`${r.id}|${s}`, `${s}|${r.id}`])),
  );
  const meaningful = (need: string, offer: string) =>
    need === offer ||
    parent.get(need) === offer ||
    parent.get(offer) === need ||
    declared.has(`${need}|${offer}`);

  it('relation() credits only same, parent/child or declared substitutes, for every pair', () => {
    let credited = 0;
    for (const n of rows)
      for (const o of rows) {
        const via = taxonomy.relation(n.id, o.id);
        if (via === null) continue;
        credited++;
        expect(`${n.id} ← ${o.id}: ${meaningful(n.id, o.id)}`).toMatch(/true$/);
        if (via === 'sibling') expect(declared.has(`${n.id}|${o.id}`)).toBe(true);
      }
    expect(credited).toBeGreaterThan(rows.length); // parent/child and substitutes do give credit
  });

  it('no explanation pairs unrelated competences (random actors over the whole taxonomy)', () => {
    const leaves = rows.filter((r) => r.parentId !== null).map((r) => r.id);
    const all = rows.map((r) => r.id);
    const rnd = mulberry32(12);
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)];
    const actor = (id: string): ScoringActor => ({
      id,
      kind: ActorKind.ASSOCIATION,
      family: familyOfKind(ActorKind.ASSOCIATION),
      offers: Array.from({ length: 8 }, () => ({
        competenceId: pick(all),
        modality: Modality.SKILLS,
        level: 2 as const,
      })),
      needs: Array.from({ length: 6 }, () => ({ competenceId: pick(leaves), priority: 2 as const })),
      causes: [],
      territories: {},
      allianceForms: [],
    });
    let matches = 0;
    for (let i = 0; i < 400; i++) {
      const s = scorePair(actor(`a${i}`), actor(`b${i}`), { taxonomy }, DEFAULT_PROFILE);
      for (const m of [...s.forward.matches, ...s.backward.matches]) {
        matches++;
        expect(`${m.needId} ← ${m.offerId} (${m.via}): ${meaningful(m.needId, m.offerId)}`).toMatch(/true$/);
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('the examples that read as nonsense give no credit', () => {
    expect(taxonomy.relation('network.beneficiaries', 'network.companies')).toBeNull();
    expect(taxonomy.relation('funding.operating-grant', 'funding.in-kind-sponsorship')).toBeNull();
    // declared substitutes still do
    expect(taxonomy.relation('funding.sponsorship.corporate', 'funding.sponsorship.foundation')).toBe(
      'sibling',
    );
  });
});
