import {
  ActorFamily,
  ActorKind,
  familyOfKind,
  isValidRna,
  isValidSiren,
  Modality,
  sirenFromBody,
} from '@maillage/domain';
import { buildFrenchGeography } from '@maillage/reference';
import { benchmarkOptions, demoTerritoryOptions } from './demo-territory';
import { defaultIdentifierBlock, generateActors, kindQuotas } from './generate-actors';
import { IdentifierIssuer } from './identifiers';
import { mulberry32, Rng } from '@maillage/domain';
import { SyntheticActor } from './synthetic-actor';

describe('mulberry32', () => {
  it('is deterministic and roughly uniform', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(new Rng(1).int(3, 3)).toBe(3);
  });
});

describe('identifiers', () => {
  it('issues unique SIRENs with a valid Luhn checksum and well-formed RNAs', () => {
    const issuer = new IdentifierIssuer(38, 12345);
    const sirens = Array.from({ length: 20_000 }, () => issuer.nextSiren());
    expect(new Set(sirens).size).toBe(sirens.length);
    expect(sirens.every(isValidSiren)).toBe(true);
    expect(sirens.every((s) => s.startsWith('38'))).toBe(true);
    const rnas = Array.from({ length: 20_000 }, () => issuer.nextRna());
    expect(new Set(rnas).size).toBe(rnas.length);
    expect(rnas.every(isValidRna)).toBe(true);
    expect(sirenFromBody('55208131')).toBe('552081317'); // EDF
  });

  it('gives the demo and benchmark prefixes different identifier blocks', () => {
    expect(defaultIdentifierBlock('syn-38')).not.toBe(defaultIdentifierBlock('bench'));
  });
});

describe('kindQuotas', () => {
  it('follows the mix with at least one of every kind', () => {
    const q = kindQuotas(400);
    expect(Object.values(q).reduce((a, b) => a + b, 0)).toBe(400);
    expect(Object.values(q).every((n) => n >= 1)).toBe(true);
    expect(q.ASSOCIATION).toBe(220);
    expect(q.COMPANY).toBe(80);
    expect(Object.values(kindQuotas(14))).toEqual(Array(14).fill(1));
    expect(Object.values(kindQuotas(5)).reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('generateActors — demo territory (Isère)', () => {
  const options = demoTerritoryOptions();
  const actors = generateActors(options);
  const competenceIds = new Set(options.competences.map((c) => c.id));
  const isere = buildFrenchGeography({ departements: ['38'] });
  const territoryCodes = new Set(isere.territories.map((t) => t.code));

  it('is deterministic: same options, same actors; another seed, other actors', () => {
    expect(generateActors(demoTerritoryOptions())).toEqual(actors);
    const other = generateActors(demoTerritoryOptions({ seed: 1 }));
    expect(other.map((a) => a.name)).not.toEqual(actors.map((a) => a.name));
    expect(other.map((a) => a.externalId)).toEqual(actors.map((a) => a.externalId));
  });

  it('has at least 300 actors with every kind and the expected mix', () => {
    expect(actors.length).toBeGreaterThanOrEqual(300);
    const byKind = countBy(actors, (a) => a.kind);
    for (const kind of Object.values(ActorKind)) expect(byKind[kind]).toBeGreaterThanOrEqual(1);
    expect(byKind.ASSOCIATION / actors.length).toBeCloseTo(0.55, 1);
    expect(byKind.COMPANY / actors.length).toBeCloseTo(0.2, 1);
    const byFamily = countBy(actors, (a) => a.family);
    expect(byFamily.PUBLIC / actors.length).toBeGreaterThan(0.07);
    expect(byFamily.PUBLIC / actors.length).toBeLessThan(0.13);
    expect(actors.every((a) => a.family === familyOfKind(a.kind))).toBe(true);
    expect(actors[0].externalId).toBe('syn-38-000001');
    expect(new Set(actors.map((a) => a.externalId)).size).toBe(actors.length);
    expect(new Set(actors.map((a) => a.name)).size).toBe(actors.length);
  });

  it('gives valid SIRENs to companies, public actors and foundations, RNAs to associations', () => {
    for (const a of actors) {
      if (a.siren !== undefined) expect(isValidSiren(a.siren)).toBe(true);
      if (a.rna !== undefined) expect(isValidRna(a.rna)).toBe(true);
      if ([ActorFamily.PRIVATE, ActorFamily.PUBLIC].includes(a.family) || a.kind === ActorKind.FOUNDATION) {
        expect(a.siren).toBeDefined();
      }
      if (a.kind === ActorKind.ASSOCIATION) expect(a.rna).toBeDefined();
    }
    const sirens = actors.flatMap((a) => (a.siren ? [a.siren] : []));
    expect(new Set(sirens).size).toBe(sirens.length);
  });

  it('places actors in Isère, weighted by population, acting in real territories', () => {
    for (const a of actors) {
      expect(territoryCodes.has(a.communeCode)).toBe(true);
      for (const t of a.actsIn) expect(territoryCodes.has(t)).toBe(true);
      expect(a.actsIn.length).toBeGreaterThan(0);
    }
    // Grenoble holds ~12% of Isère's population: it should host far more actors than a village.
    const inGrenoble = actors.filter((a) => a.communeCode === '38185').length;
    expect(inGrenoble).toBeGreaterThan(20);
    const dept = actors.find((a) => a.kind === ActorKind.DEPARTEMENT)!;
    expect(dept.name).toMatch(/^Département de l'Isère/);
    expect(dept.actsIn).toEqual(['38']);
    const region = actors.find((a) => a.kind === ActorKind.REGION)!;
    expect(region.name).toMatch(/^Région Auvergne-Rhône-Alpes/);
    expect(region.actsIn).toEqual(['R84']);
    const communes = actors.filter((a) => a.kind === ActorKind.COMMUNE);
    expect(new Set(communes.map((a) => a.communeCode)).size).toBe(communes.length);
    expect(communes.every((a) => a.actsIn[0] === a.communeCode)).toBe(true);
    const epcis = actors.filter((a) => a.kind === ActorKind.EPCI);
    expect(epcis.every((a) => /^\d{9}$/.test(a.actsIn[0]))).toBe(true);
  });

  it('draws known competences, with consistent modalities, levels and priorities', () => {
    const modalitiesOf = new Map(options.competences.map((c) => [c.id, c.modalities]));
    for (const a of actors) {
      expect(a.offers.length).toBeGreaterThan(0);
      expect(a.needs.length).toBeGreaterThan(0);
      const offered = new Set(a.offers.map((o) => o.competenceId));
      expect(offered.size).toBe(a.offers.length);
      for (const o of a.offers) {
        expect(competenceIds.has(o.competenceId)).toBe(true);
        expect(modalitiesOf.get(o.competenceId)).toContain(o.modality);
        expect([1, 2, 3]).toContain(o.level);
      }
      for (const n of a.needs) {
        expect(competenceIds.has(n.competenceId)).toBe(true);
        expect(offered.has(n.competenceId)).toBe(false);
        expect([1, 2, 3]).toContain(n.priority);
      }
      expect(a.causes.length).toBeGreaterThan(0);
      expect(a.causes.every((s) => s >= 1 && s <= 17)).toBe(true);
      expect(a.allianceForms.length).toBeGreaterThan(0);
      expect(a.description.length).toBeGreaterThan(20);
    }
  });
});

describe('generateActors — exchange profiles at scale', () => {
  const actors = generateActors(benchmarkOptions({ count: 20_000 }));
  const of = (kind: ActorKind) => actors.filter((a) => a.kind === kind);
  const root = (id: string) => id.split('.')[0];
  /** Share of an actor group's offers (or needs) whose competence matches `pred`. */
  const share = (group: SyntheticActor[], side: 'offers' | 'needs', pred: (id: string) => boolean) => {
    const ids = group.flatMap((a) => a[side].map((x) => x.competenceId));
    return ids.filter(pred).length / ids.length;
  };

  it('associations need funding, skills, premises and visibility; offer volunteering, network, field knowledge', () => {
    const assos = of(ActorKind.ASSOCIATION);
    const needRoots = [
      'funding',
      'fundraising',
      'premises',
      'communication',
      'finance',
      'legal',
      'digital',
      'hr',
    ];
    expect(share(assos, 'needs', (id) => needRoots.includes(root(id)))).toBeGreaterThan(0.5);
    expect(share(assos, 'needs', (id) => root(id) === 'funding')).toBeGreaterThan(0.15);
    expect(share(assos, 'offers', (id) => root(id) === 'funding')).toBeLessThan(0.01);
    const offerRoots = ['volunteering', 'network', 'public-policy'];
    expect(share(assos, 'offers', (id) => offerRoots.includes(root(id)))).toBeGreaterThan(0.2);
  });

  it('companies offer skills sponsorship, funding and in-kind; public actors offer funding, premises, network', () => {
    const companies = of(ActorKind.COMPANY);
    const modalities = companies.flatMap((a) => a.offers.map((o) => o.modality));
    const skillsFundingInKind = modalities.filter((m) =>
      [Modality.SKILLS, Modality.FUNDING, Modality.IN_KIND].includes(m),
    );
    expect(skillsFundingInKind.length / modalities.length).toBeGreaterThan(0.75);
    expect(share(companies, 'offers', (id) => id === 'volunteering.skills-sponsorship')).toBeGreaterThan(
      0.05,
    );
    const publics = actors.filter((a) => a.family === ActorFamily.PUBLIC);
    expect(
      share(publics, 'offers', (id) => ['funding', 'premises', 'network'].includes(root(id))),
    ).toBeGreaterThan(0.6);
    expect(share(publics, 'needs', (id) => root(id) === 'public-policy')).toBeGreaterThan(0.25);
  });

  it('skews competence popularity (a few competences dominate)', () => {
    const counts = countBy(
      actors.flatMap((a) => [...a.offers, ...a.needs].map((x) => x.competenceId)),
      (id) => id,
    );
    const sorted = Object.values(counts).sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top10pc = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((a, b) => a + b, 0);
    expect(top10pc / total).toBeGreaterThan(0.3);
    expect(sorted[sorted.length - 1]).toBeLessThan(sorted[0] / 20);
  });

  it('keeps causes consistent with kinds', () => {
    const schools = of(ActorKind.SCHOOL);
    expect(schools.filter((a) => a.causes.includes(4)).length / schools.length).toBeGreaterThan(0.6);
    const sport = of(ActorKind.ASSOCIATION).filter((a) => a.description.startsWith('Association sportive'));
    expect(sport.filter((a) => a.causes.includes(3)).length / sport.length).toBeGreaterThan(0.6);
  });
});

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
