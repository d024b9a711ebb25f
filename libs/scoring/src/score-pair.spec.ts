import { ActorKind, Modality, SizeBand } from '@maillage/domain';
import { PairContext } from './pair-context';
import { DEFAULT_PROFILE, defineProfile } from './profile';
import { buildRarity } from './rarity';
import { Taxonomy } from './taxonomy';
import { ScoringContext, scorePair } from './score-pair';
import { FIXTURE_TAXONOMY, LYON, PARIS, fixtureActor, fixtureActors } from './testing/fixture';
import { mulberry32, shuffleInPlace as shuffle } from '@maillage/domain';
import type { PairScore, ScoringActor } from './types';
import { MODEL_VERSION } from './version';

const actors = fixtureActors();
const byId = new Map(actors.map((a) => [a.id, a]));
const A = (id: string): ScoringActor => byId.get(id)!;
const ctx: ScoringContext = { taxonomy: FIXTURE_TAXONOMY, rarity: buildRarity(actors) };
const sumOf = (s: PairScore): number => s.components.reduce((acc, c) => acc + c.contribution, 0);

describe('scorePair', () => {
  it('ranks a clearly complementary pair above a similar-but-redundant one', () => {
    const complementary = scorePair(A('restos'), A('techco'), ctx);
    const redundant = scorePair(A('restos'), A('twin'), ctx);
    expect(complementary.score).toBeGreaterThan(0.4);
    expect(redundant.score).toBe(0); // same needs, same offers: nothing to bring each other
    expect(redundant.forward.coverage).toBe(0);
    expect(complementary.score).toBeGreaterThan(redundant.score);
    // the redundant pair is closer and more alike: proximity and causes alone must not rescue it
    expect(redundant.components.find((c) => c.name === 'causes')!.value).toBe(1);
    expect(redundant.components.find((c) => c.name === 'proximity')!.value).toBe(1);
  });

  it('returns contributions that add up exactly to the score', () => {
    const pairs = new PairContext({
      alliances: [
        ['restos', 'mairie'],
        ['techco', 'mairie'],
      ],
      metBefore: [['restos', 'techco']],
    });
    for (const policy of ['exclude', 'penalise'] as const) {
      const profile = defineProfile({ id: `t-${policy}`, version: 1, alliedPolicy: policy });
      for (const a of actors)
        for (const b of actors) {
          const s = scorePair(a, b, { ...ctx, pairs }, profile);
          expect(sumOf(s)).toBe(s.score);
          expect(s.components.map((c) => c.name)).toEqual([
            'complementarity',
            'causes',
            'proximity',
            'crossFamily',
            'allianceForms',
            'trust',
            'alliedPenalty',
            'metBeforePenalty',
          ]);
        }
    }
  });

  it('names the covered needs both ways, with labels and taxonomy route', () => {
    const s = scorePair(A('restos'), A('techco'), ctx);
    expect(s.forward.matches.map((m) => m.needId).sort()).toEqual([
      'comm.web',
      'fin.accounting',
      'log.transport',
    ]);
    expect(s.forward.matches.find((m) => m.needId === 'comm.web')).toMatchObject({
      needLabel: 'Web development',
      offerId: 'comm.web',
      via: 'exact',
      credit: 1,
    });
    expect(s.forward.coverage).toBeCloseTo(
      s.forward.matches.reduce((acc, m) => acc + m.contribution, 0),
      12,
    );
    expect(s.backward.matches.map((m) => m.needId).sort()).toEqual(['edu.digital', 'legal.gdpr']);
    expect(s.backward.uncovered).toEqual(['log.storage']);
    expect(s.sharedCauses).toEqual([10]);
    expect(s.territory).toMatchObject({ level: 'EPCI', code: '200040715', via: 'location' });
    expect(s.modelVersion).toBe(MODEL_VERSION);
    expect(s).toMatchObject({ profileId: 'default', profileVersion: 1 });
  });

  it('counts a rare need covered more than a common one', () => {
    const rare = scorePair(A('deafassoc'), A('signer'), ctx);
    const common = scorePair(A('deafassoc'), A('socialA'), ctx);
    expect(ctx.rarity!.of('access.sign')).toBeGreaterThan(ctx.rarity!.of('comm.social'));
    expect(rare.forward.coverage).toBeGreaterThan(common.forward.coverage);
    expect(rare.score).toBeGreaterThan(common.score);
    // without rarity weighting they are equivalent
    const flat = defineProfile({ id: 'flat', version: 1, rarityExponent: 0 });
    expect(scorePair(A('deafassoc'), A('signer'), ctx, flat).score).toBe(
      scorePair(A('deafassoc'), A('socialA'), ctx, flat).score,
    );
  });

  it('gives partial credit through the taxonomy', () => {
    const needer = fixtureActor('n', ActorKind.ASSOCIATION, { needs: [['comm.web', 2]] });
    const give = (competenceId: string) =>
      scorePair(
        needer,
        fixtureActor('g', ActorKind.COMPANY, { offers: [[competenceId, Modality.SKILLS, 3]] }),
        ctx,
      ).forward;
    const exact = give('comm.web');
    const parent = give('comm');
    const sibling = give('comm.design');
    const unrelated = give('fin.accounting');
    expect(exact.matches[0]).toMatchObject({ via: 'exact', credit: 1 });
    expect(parent.matches[0]).toMatchObject({ via: 'parent', credit: DEFAULT_PROFILE.taxonomyCredit.parent });
    expect(sibling.matches[0]).toMatchObject({
      via: 'sibling',
      credit: DEFAULT_PROFILE.taxonomyCredit.sibling,
    });
    expect(unrelated.coverage).toBe(0);
    expect(unrelated.uncovered).toEqual(['comm.web']);
    expect(exact.coverage).toBeGreaterThan(parent.coverage);
    expect(parent.coverage).toBeGreaterThan(sibling.coverage);
    expect(sibling.coverage).toBeGreaterThan(0);
    const broad = fixtureActor('b', ActorKind.ASSOCIATION, { needs: [['comm', 2]] });
    const child = scorePair(
      broad,
      fixtureActor('g', ActorKind.COMPANY, { offers: [['comm.web', Modality.SKILLS, 3]] }),
      ctx,
    );
    expect(child.forward.matches[0]).toMatchObject({
      via: 'child',
      credit: DEFAULT_PROFILE.taxonomyCredit.child,
    });
  });

  it('applies level and modality: an expert offer beats a basic one, a named modality is preferred', () => {
    const needer = fixtureActor('n', ActorKind.ASSOCIATION, { needs: [['fin', 2]] });
    const lvl = (level: 1 | 3) =>
      scorePair(
        needer,
        fixtureActor('g', ActorKind.COMPANY, { offers: [['fin', Modality.FUNDING, level]] }),
        ctx,
      ).forward.coverage;
    expect(lvl(3)).toBeGreaterThan(lvl(1));
    const wantsMoney: ScoringActor = {
      ...needer,
      needs: [{ competenceId: 'fin', priority: 2, modality: Modality.FUNDING }],
    };
    const money = fixtureActor('m', ActorKind.COMPANY, { offers: [['fin', Modality.FUNDING, 2]] });
    const skills = fixtureActor('s', ActorKind.COMPANY, { offers: [['fin', Modality.SKILLS, 2]] });
    expect(scorePair(wantsMoney, money, ctx).forward.coverage).toBe(
      2 * scorePair(wantsMoney, skills, ctx).forward.coverage,
    );
  });

  it('excludes or penalises allied pairs per profile, penalises pairs met before, rewards common partners', () => {
    const base = scorePair(A('restos'), A('techco'), ctx);
    const allied = new PairContext({ alliances: [['restos', 'techco']] });
    const excluded = scorePair(A('restos'), A('techco'), { ...ctx, pairs: allied });
    expect(excluded.excluded).toBe('ALREADY_ALLIED');
    expect(excluded.score).toBe(0);
    expect(excluded.warnings.some((w) => w.startsWith('ALLIED:'))).toBe(true);
    const penalise = defineProfile({ id: 'pen', version: 1, alliedPolicy: 'penalise' });
    const penalised = scorePair(A('restos'), A('techco'), { ...ctx, pairs: allied }, penalise);
    expect(penalised.excluded).toBeUndefined();
    expect(penalised.score).toBeCloseTo(base.score * (1 - penalise.penalties.allied), 12);

    const met = scorePair(A('restos'), A('techco'), {
      ...ctx,
      pairs: new PairContext({ metBefore: [['techco', 'restos']] }),
    });
    expect(met.metBefore).toBe(true);
    expect(met.score).toBeCloseTo(base.score * (1 - DEFAULT_PROFILE.penalties.metBefore), 12);

    const twoHop = new PairContext({
      alliances: [
        ['restos', 'mairie'],
        ['techco', 'mairie'],
        ['restos', 'x'],
        ['techco', 'x'],
      ],
    });
    const trusted = scorePair(A('restos'), A('techco'), { ...ctx, pairs: twoHop });
    expect(trusted.commonPartners).toBe(2);
    expect(trusted.components.find((c) => c.name === 'trust')!.value).toBe(0.75);
    expect(trusted.score).toBeGreaterThan(base.score);
  });

  it('warns about asymmetric pairs and excludes self', () => {
    const big = fixtureActor('big', ActorKind.COMPANY, {
      offers: [['comm.web', Modality.SKILLS, 3]],
      needs: [['fin.accounting', 3]],
      size: SizeBand.LARGE,
      at: PARIS,
    });
    const tiny = fixtureActor('tiny', ActorKind.ASSOCIATION, {
      needs: [['comm.web', 3]],
      offers: [['fin.fundraising', Modality.SKILLS, 1]],
      size: SizeBand.NONE,
      at: LYON,
    });
    const s = scorePair(tiny, big, ctx);
    expect(s.warnings.some((w) => w.startsWith('SIZE_GAP:'))).toBe(true);
    expect(s.warnings.some((w) => w.startsWith('ONE_SIDED:'))).toBe(true);
    expect(s.score).toBeGreaterThan(0); // asymmetric but valuable: kept, and flagged
    const balanced = scorePair(A('restos'), A('techco'), ctx);
    expect(balanced.warnings).toEqual([]);
    const self = scorePair(A('restos'), A('restos'), ctx);
    expect(self).toMatchObject({ excluded: 'SELF', score: 0 });
  });

  it('is deterministic and independent of the order of offers, needs and causes', () => {
    const rand = mulberry32(7);
    const scramble = (a: ScoringActor): ScoringActor => ({
      ...a,
      offers: shuffle([...a.offers], rand),
      needs: shuffle([...a.needs], rand),
      causes: shuffle([...a.causes], rand),
      allianceForms: shuffle([...a.allianceForms], rand),
    });
    for (const a of actors)
      for (const b of actors) {
        const x = scorePair(a, b, ctx);
        const y = scorePair(scramble(a), scramble(b), ctx);
        expect(y.score).toBe(x.score);
        expect(JSON.stringify(y)).toBe(JSON.stringify(x));
      }
  });

  it('does not punish a one-way gift (sponsorship) as a one-way exchange', () => {
    // same hierarchy, one competence flagged as a gift (sponsorship-like)
    const taxonomy = new Taxonomy([
      { id: 'fin', label: 'Finance' },
      { id: 'fin.sponsorship', label: 'Sponsorship', parentId: 'fin', gift: true },
      { id: 'fin.loans', label: 'Loans', parentId: 'fin' },
      { id: 'csr', label: 'CSR' },
      { id: 'csr.reporting', label: 'CSR reporting', parentId: 'csr' },
    ]);
    const association = fixtureActor('asso', ActorKind.ASSOCIATION, {
      needs: [['fin.sponsorship', 3]],
      offers: [['edu.tutoring', Modality.SKILLS, 3]],
    });
    const sponsor = fixtureActor('sponsor', ActorKind.COMPANY, {
      offers: [['fin.sponsorship', Modality.FUNDING, 3]],
      needs: [['csr.reporting', 2]],
    });
    const lender = fixtureActor('lender', ActorKind.COMPANY, {
      offers: [['fin.loans', Modality.FUNDING, 3]],
      needs: [['csr.reporting', 2]],
    });
    const c: ScoringContext = { taxonomy };
    const gift = scorePair(association, sponsor, c);
    expect(gift.forward.coverage).toBe(1);
    expect(gift.forward.giftCoverage).toBe(1);
    expect(gift.backward.coverage).toBe(0); // the association covers none of the sponsor's needs
    // counted as giving back k = giftReturn of the gift: fuse(1, k, 0.4)
    const k = DEFAULT_PROFILE.reciprocity.giftReturn;
    expect(k).toBeGreaterThan(0);
    expect(gift.reciprocity).toBeCloseTo(0.6 * ((2 * k) / (1 + k)) + 0.4 * ((1 + k) / 2), 12);
    expect(sumOf(gift)).toBe(gift.score);
    // without the implicit return it is the one-way exchange of before
    const strict = defineProfile({ id: 'no-gift', version: 1, reciprocity: { giftReturn: 0 } });
    expect(scorePair(association, sponsor, c, strict).reciprocity).toBeCloseTo(0.4 * 0.5, 12);
    // a loan covering the same need by parent credit is an exchange: no implicit return
    const lenderNeed = fixtureActor('asso2', ActorKind.ASSOCIATION, { needs: [['fin', 3]] });
    const loan = scorePair(lenderNeed, lender, c);
    expect(loan.forward.giftCoverage).toBe(0);
    expect(loan.reciprocity).toBeCloseTo(0.4 * (loan.forward.coverage / 2), 12);
  });
});
