import { ActorKind, Modality, TerritoryLevel } from '@maillage/domain';
import { buildRarity } from './rarity';
import { localCausesScore, sharedTerritoryOf, triadScore } from './queries';
import { PairContext } from './pair-context';
import { Taxonomy } from './taxonomy';
import { FIXTURE_TAXONOMY, GRENOBLE, LYON, fixtureActor, fixtureActors } from './testing/fixture';

const actors = fixtureActors();
const A = (id: string) => actors.find((a) => a.id === id)!;
const ctx = { taxonomy: FIXTURE_TAXONOMY, rarity: buildRarity(actors) };

describe('local causes', () => {
  it('ranks a nearby association serving the company’s SDGs and needing its skills first', () => {
    const company = A('techco');
    const near = localCausesScore(company, A('restos'), ctx);
    const far = localCausesScore(company, A('deafassoc'), ctx);
    expect(near.score).toBeGreaterThan(far.score);
    expect(near.matches.map((m) => m.needId).sort()).toEqual(['comm.web', 'fin.accounting', 'log.transport']);
    expect(near.sharedCauses).toEqual([10]);
    expect(near.components.reduce((s, c) => s + c.contribution, 0)).toBe(near.score);
    expect(near.warnings).toEqual([]);
  });

  it('filters offers by modality and uses the SDGs asked for', () => {
    const skillsOnly = localCausesScore(A('techco'), A('restos'), ctx, undefined, {
      modalities: [Modality.SKILLS],
    });
    expect(skillsOnly.matches.map((m) => m.needId)).not.toContain('log.transport'); // transport is in kind
    const otherSdg = localCausesScore(A('techco'), A('restos'), ctx, undefined, { sdgs: [13] });
    expect(otherSdg.sharedCauses).toEqual([]);
    const unrelated = localCausesScore(
      A('techco'),
      fixtureActor('x', ActorKind.ASSOCIATION, { needs: [['access.sign', 3]], causes: [14], at: GRENOBLE }),
      ctx,
    );
    expect(unrelated.score).toBe(0); // same place, but nothing to give and no shared cause
  });
});

describe('triads', () => {
  const assoc = A('restos');
  const company = A('techco');
  const mairie = A('mairie');

  it('scores an association, a company and a public actor on a shared territory', () => {
    const t = triadScore(assoc, company, mairie, ctx);
    expect(t.score).toBeGreaterThan(0);
    expect(t.pairs.map((p) => p.score > 0)).toEqual([true, true, true]);
    expect(t.territory).toMatchObject({ level: TerritoryLevel.EPCI, code: '200040715' });
    expect(t.components.reduce((s, c) => s + c.contribution, 0)).toBe(t.score);
    expect(t.warnings.filter((w) => w.startsWith('ROLE'))).toEqual([]);
  });

  it('is 0 when one pair is not complementary or is excluded, and flags wrong roles', () => {
    const twin = A('twin');
    const redundant = triadScore(assoc, twin, mairie, ctx);
    expect(redundant.score).toBe(0);
    expect(redundant.warnings.some((w) => w.startsWith('ROLE'))).toBe(true);
    const allied = triadScore(assoc, company, mairie, {
      ...ctx,
      pairs: new PairContext({ alliances: [['restos', 'techco']] }),
    });
    expect(allied.score).toBe(0);
    expect(allied.excluded).toMatch(/ALREADY_ALLIED/);
  });

  it('finds the finest shared territory', () => {
    const lyonnais = {
      ...company,
      id: 'lyon-co',
      territories: { ...LYON, actsIn: [{ level: TerritoryLevel.REGION, code: '84' }] },
    };
    expect(sharedTerritoryOf([assoc, lyonnais, mairie]).shared).toMatchObject({
      level: TerritoryLevel.REGION,
      code: '84',
    });
    expect(sharedTerritoryOf([assoc, mairie]).shared).toMatchObject({
      level: TerritoryLevel.COMMUNE,
      via: 'location',
    });
  });
});

describe('taxonomy', () => {
  it('rejects unknown parents, duplicates and cycles', () => {
    expect(() => new Taxonomy([{ id: 'a', label: 'A', parentId: 'z' }])).toThrow(/unknown parent/);
    expect(
      () =>
        new Taxonomy([
          { id: 'a', label: 'A' },
          { id: 'a', label: 'A' },
        ]),
    ).toThrow(/duplicate/);
    expect(
      () =>
        new Taxonomy([
          { id: 'a', label: 'A', parentId: 'b' },
          { id: 'b', label: 'B', parentId: 'a' },
        ]),
    ).toThrow(/cycle/);
    expect(FIXTURE_TAXONOMY.relation('comm.web', 'comm.design')).toBe('sibling');
    expect(FIXTURE_TAXONOMY.relation('comm.web', 'comm.social')).toBeNull(); // sibling, not a declared substitute
    expect(FIXTURE_TAXONOMY.relation('comm', 'comm.web')).toBe('child');
    expect(FIXTURE_TAXONOMY.relation('comm.web', 'comm')).toBe('parent');
    expect(FIXTURE_TAXONOMY.relation('comm', 'fin')).toBeNull();
  });
});
