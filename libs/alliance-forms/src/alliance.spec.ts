import { ActorKind, AllianceForm, Modality } from '@maillage/domain';
import { PairContext, Taxonomy, defineProfile, scorePair } from '@maillage/scoring';
import {
  FIXTURE_TAXONOMY,
  GRENOBLE,
  PARIS,
  fixtureActor,
  generatePopulation,
} from '@maillage/scoring/testing';
import { buildIndex } from '@maillage/candidate-search';
import { scoreAlliance } from './alliance';
import { FORM_ORDER } from './forms';
import { FormSearcher } from './form-search';

const ctx = { taxonomy: FIXTURE_TAXONOMY };

describe('scoreAlliance', () => {
  const assoc = fixtureActor('asso', ActorKind.ASSOCIATION, {
    offers: [['edu.tutoring', Modality.SKILLS, 3]],
    needs: [
      ['log.storage', 3],
      ['fin.accounting', 2],
    ],
    causes: [4, 10],
  });
  const company = fixtureActor('co', ActorKind.COMPANY, {
    offers: [['fin.accounting', Modality.SKILLS, 2]],
    needs: [['edu.digital', 1]],
    causes: [4],
  });
  const neighbour = fixtureActor('nb', ActorKind.ASSOCIATION, {
    offers: [['edu.digital', Modality.SKILLS, 2]],
    needs: [['log.storage', 3]],
    causes: [4, 10],
  });

  it('every component reaches its contribution exactly and they add up to the score', () => {
    for (const [a, b] of [
      [assoc, company],
      [assoc, neighbour],
      [company, neighbour],
    ]) {
      const s = scoreAlliance(a, b, ctx);
      expect(s.forms.map((f) => f.form)).toEqual(FORM_ORDER);
      for (const f of s.forms) {
        let sum = 0;
        for (const c of f.components) {
          sum += c.contribution;
          if (c.name === 'alliedPenalty' || c.name === 'metBeforePenalty') continue;
          expect(c.contribution).toBe(c.gate === null ? c.weight * c.value : c.weight * c.value * c.gate);
          if (c.gate !== null) expect(c.gate).toBe(f.gate);
          expect(c.explanation).toMatch(/ = /);
        }
        expect(f.score).toBe(sum);
        expect(f.gateExplanation).toMatch(/^Facteur de contexte/);
      }
      expect(s.score).toBe(Math.max(...s.forms.map((f) => f.score)));
      expect(s.forms.find((f) => f.form === s.best)!.score).toBe(s.score);
      // RESOURCES is the complementarity score
      expect(s.forms[0].score).toBe(scorePair(a, b, ctx).score);
    }
  });

  it('says why a context component is gated, in French', () => {
    const s = scoreAlliance(assoc, company, ctx);
    const r = s.forms[0];
    expect(r.gate).toBeGreaterThan(0);
    const prox = r.components.find((c) => c.name === 'proximity')!;
    expect(prox.gate).toBe(r.gate);
    expect(prox.explanation).toContain('facteur de contexte');
    if (r.gate < 1) expect(r.gateExplanation).toContain('sous le seuil');
  });

  it('proposes two neighbours with the same poolable need for pooling', () => {
    const s = scoreAlliance(assoc, neighbour, ctx);
    const pooling = s.forms.find((f) => f.form === AllianceForm.POOLING)!;
    expect(pooling.score).toBeGreaterThan(0);
    expect(pooling.evidence).toEqual(['log.storage']);
    expect(pooling.summary).toContain('Storage');
    const far = scoreAlliance(assoc, { ...neighbour, territories: PARIS }, ctx);
    expect(far.forms[2].score).toBeLessThan(pooling.score);
  });

  it('network ties and advocacy feed positioning', () => {
    const tax = new Taxonomy([
      { id: 'pp', label: 'Politiques publiques' },
      { id: 'pp.advocacy', label: 'Plaidoyer', parentId: 'pp', advocacy: true },
    ]);
    const head = fixtureActor('head', ActorKind.NETWORK_HEAD, { causes: [1, 10], at: GRENOBLE });
    const member = fixtureActor('m', ActorKind.ASSOCIATION, {
      causes: [1, 10],
      offers: [['pp.advocacy', Modality.SKILLS, 3]],
    });
    const loose = scoreAlliance(head, member, { taxonomy: tax });
    const tied = scoreAlliance(head, member, {
      taxonomy: tax,
      pairs: new PairContext({ memberships: [['m', 'head']] }),
    });
    const pos = (x: typeof loose) => x.forms.find((f) => f.form === AllianceForm.POSITIONING)!;
    expect(pos(loose).components.find((c) => c.name === 'advocacy')!.value).toBe(1);
    expect(pos(tied).score).toBeGreaterThan(pos(loose).score);
    expect(tied.best).toBe(AllianceForm.POSITIONING);
    expect(pos(tied).summary).toContain('membre du réseau');
  });

  it('joint advocacy needs both voices: a head and an actor that represents no one are not enough', () => {
    const tax = new Taxonomy([{ id: 'x', label: 'X' }]);
    const head = fixtureActor('head', ActorKind.NETWORK_HEAD, { causes: [1, 10] });
    const company = fixtureActor('co', ActorKind.COMPANY, { causes: [1, 10] });
    const s = scoreAlliance(head, company, { taxonomy: tax });
    const pos = s.forms.find((f) => f.form === AllianceForm.POSITIONING)!;
    expect(pos.components.find((c) => c.name === 'advocacy')!.value).toBe(0);
  });

  it('a one-way sponsorship is a resources alliance, explained as a gift with an implicit return', () => {
    const tax = new Taxonomy([
      { id: 'fund', label: 'Financement' },
      { id: 'fund.sponsorship', label: 'Mécénat d’entreprise', parentId: 'fund', gift: true },
      { id: 'fund.loan', label: 'Prêt', parentId: 'fund' },
      { id: 'csr', label: 'RSE' },
      { id: 'csr.reporting', label: 'Reporting RSE', parentId: 'csr' },
    ]);
    const asso = fixtureActor('asso', ActorKind.ASSOCIATION, {
      needs: [['fund.sponsorship', 3]],
      causes: [1],
    });
    const sponsor = fixtureActor('sponsor', ActorKind.COMPANY, {
      offers: [['fund.sponsorship', Modality.FUNDING, 3]],
      needs: [['csr.reporting', 2]],
      causes: [1],
    });
    const lender = fixtureActor('lender', ActorKind.COMPANY, {
      offers: [['fund.loan', Modality.FUNDING, 3]],
      needs: [['csr.reporting', 2]],
      causes: [1],
    });
    const gift = scoreAlliance(asso, sponsor, { taxonomy: tax }, undefined, { a: 'Asso', b: 'Sponsor' });
    const loan = scoreAlliance(asso, lender, { taxonomy: tax }, undefined, { a: 'Asso', b: 'Prêteur' });
    expect(gift.forms[0].score).toBeGreaterThan(loan.forms[0].score);
    expect(gift.forms[0].summary).toContain('un don n’appelle pas de retour équivalent');
    expect(gift.forms[0].summary).toContain('Asso est compté comme rendant 75 % des besoins de Sponsor');
    expect(loan.forms[0].summary).not.toContain('don');
    const sum = gift.forms[0].components.reduce((s, c) => s + c.contribution, 0);
    expect(gift.forms[0].score).toBe(sum);
  });

  it('members of one network co-produce more readily, and the summary says so', () => {
    const tax = new Taxonomy([
      { id: 'env', label: 'Environnement', field: true },
      { id: 'env.reuse', label: 'Réemploi', parentId: 'env' },
      { id: 'log', label: 'Logistique' },
      { id: 'log.transport', label: 'Transport', parentId: 'log' },
    ]);
    const head = fixtureActor('head', ActorKind.NETWORK_HEAD, {
      offers: [['env.reuse', Modality.SKILLS, 3]],
      causes: [8, 12],
    });
    const member = fixtureActor('m', ActorKind.WORK_INTEGRATION, {
      offers: [
        ['env.reuse', Modality.SKILLS, 3],
        ['log.transport', Modality.IN_KIND, 2],
      ],
      causes: [8, 12],
    });
    const co = (x: ReturnType<typeof scoreAlliance>) =>
      x.forms.find((f) => f.form === AllianceForm.CO_PRODUCTION)!;
    const loose = scoreAlliance(head, member, { taxonomy: tax });
    const tied = scoreAlliance(head, member, {
      taxonomy: tax,
      pairs: new PairContext({ memberships: [['m', 'head']] }),
    });
    expect(co(tied).components.find((c) => c.name === 'network')!.value).toBe(1);
    expect(co(tied).score).toBeGreaterThan(co(loose).score);
    expect(co(tied).summary).toContain('membre du réseau');
  });
});

describe('FormSearcher', () => {
  it('finds the exact per-form top-K of a brute force over scoreAlliance', () => {
    const { actors, taxonomy: base } = generatePopulation({ n: 300, seed: 5 });
    // the generated taxonomy declares only gifts: add substitutes, poolable needs, fields, advocacy
    const ids = base.ids();
    const roots = ids.filter((id) => base.parentOf(id) === null);
    const fieldRoots = new Set(roots.slice(0, 3));
    const taxonomy = new Taxonomy(
      ids.map((id, i) => {
        const parent = base.parentOf(id);
        const sibling = parent ? base.childrenOf(parent).find((c) => c > id) : undefined;
        return {
          id,
          label: base.label(id),
          parentId: parent,
          substitutes: sibling && i % 3 === 0 ? [sibling] : [],
          poolable: parent !== null && i % 5 === 0,
          field: fieldRoots.has(id),
          advocacy: i % 11 === 0,
          gift: base.isGift(id),
        };
      }),
    );
    const pairs = new PairContext({
      alliances: actors.slice(0, 30).map((a, i) => [a.id, actors[(i * 7 + 3) % 30].id] as const),
      memberships: actors.slice(0, 40).map((a, i) => [a.id, actors[40 + (i % 4)].id] as const),
    });
    const ix = buildIndex(actors, taxonomy, { pairs });
    const c = { taxonomy, rarity: ix.rarity, pairs };
    const cases = [
      { k: 8, profile: defineProfile({ id: 'p', version: 1, alliedPolicy: 'penalise' }) },
      {
        k: 3,
        profile: defineProfile({
          id: 'q',
          version: 1,
          causesMeasure: 'overlap',
          candidates: { blocking: 'region' },
          proximity: { commune: 1, epci: 0.9, departement: 0.7, region: 0.2, actingFactor: 1 },
        }),
      },
    ];
    for (const { k, profile } of cases) {
      const searcher = new FormSearcher(ix, profile);
      for (let a = 0; a < ix.n; a += 13) {
        const got = searcher.searchForms(a, k);
        for (let h = 0; h < 3; h++) {
          const exact: { idx: number; score: number }[] = [];
          for (let b = 0; b < ix.n; b++) {
            if (b === a || !searcher.kernel.eligible(a, b)) continue;
            const s = scoreAlliance(ix.actors[a], ix.actors[b], c, profile);
            if (s.pair.excluded) continue;
            const v = s.forms[h + 1].score;
            if (v > 0) exact.push({ idx: b, score: v });
          }
          exact.sort((x, y) => y.score - x.score || x.idx - y.idx);
          expect(got[h]).toEqual(exact.slice(0, k));
        }
        const out = new Float64Array(4);
        const b = (a + 1) % ix.n;
        searcher.scorePair(a, b, out);
        const s = scoreAlliance(ix.actors[a], ix.actors[b], c, profile);
        expect(Array.from(out)).toEqual(s.forms.map((f) => f.score));
      }
    }
  });
});
