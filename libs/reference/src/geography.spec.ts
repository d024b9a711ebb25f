import { TerritoryLevel } from '@maillage/domain';
import { buildFrenchGeography, communeOfMunicipalArrondissement } from './geography';

describe('buildFrenchGeography', () => {
  it('builds all of France: 18 régions, 101 départements, ~1.25k EPCI, ~35k communes', () => {
    const geo = buildFrenchGeography();
    expect(geo.regions).toHaveLength(18);
    expect(geo.departementRows).toHaveLength(101);
    expect(geo.epcis.length).toBeGreaterThan(1200);
    expect(geo.communes.length).toBeGreaterThan(34000);
    expect(geo.departements).toBeUndefined();
    const codes = geo.territories.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    // Parents precede children and exist.
    const seen = new Set<string>();
    const orphans: string[] = [];
    for (const t of geo.territories) {
      for (const p of t.parentCodes) if (!seen.has(p)) orphans.push(`${t.code}→${p}`);
      seen.add(t.code);
    }
    expect(orphans).toEqual([]);
    // Région codes are prefixed: INSEE région 84 and département 84 (Vaucluse) would collide.
    expect(geo.territories.find((t) => t.code === '84')).toMatchObject({ name: 'Vaucluse' });
    expect(geo.territories.find((t) => t.code === 'R84')).toMatchObject({ name: 'Auvergne-Rhône-Alpes' });
    expect(geo.version).toMatch(/^\d+\.\d+\.\d+\+\d+$/);
  });

  it('links Grenoble → Grenoble-Alpes-Métropole → Isère → Auvergne-Rhône-Alpes (R84)', () => {
    const geo = buildFrenchGeography({ departements: ['38'] });
    const byCode = new Map(geo.territories.map((t) => [t.code, t]));
    const grenoble = byCode.get('38185')!;
    expect(grenoble).toMatchObject({
      name: 'Grenoble',
      level: TerritoryLevel.COMMUNE,
      epciCode: '200040715',
    });
    expect(grenoble.parentCodes).toEqual(['200040715', '38']);
    expect(grenoble.population).toBeGreaterThan(150000);
    const metro = byCode.get('200040715')!;
    expect(metro).toMatchObject({
      name: 'Grenoble-Alpes-Métropole',
      level: TerritoryLevel.EPCI,
      epciType: 'METRO',
    });
    expect(metro.parentCodes).toEqual(['38']);
    const isere = byCode.get('38')!;
    expect(isere).toMatchObject({ name: 'Isère', level: TerritoryLevel.DEPARTEMENT, parentCodes: ['R84'] });
    expect(byCode.get('R84')).toMatchObject({
      name: 'Auvergne-Rhône-Alpes',
      level: TerritoryLevel.REGION,
      inseeCode: '84',
    });
    expect(byCode.get('R84')!.population).toBeGreaterThan(7_000_000); // the whole région, not only Isère
    expect(geo.regions).toHaveLength(1);
    expect(geo.communes.length).toBeGreaterThan(500);
    expect(geo.communes.every((c) => c.departementCode === '38')).toBe(true);
    expect(isere.population).toBeGreaterThan(1_200_000);
  });

  it('keeps only current communes and rejects unknown départements', () => {
    const geo = buildFrenchGeography({ departements: ['75', '2A'] });
    expect(geo.communes.map((c) => c.code)).toContain('75056');
    expect(geo.communes.map((c) => c.code)).not.toContain('75101');
    expect(geo.communes.some((c) => c.code.startsWith('2A'))).toBe(true);
    expect(() => buildFrenchGeography({ departements: ['99'] })).toThrow(/99/);
    expect(communeOfMunicipalArrondissement('69383')).toBe('69123');
    expect(communeOfMunicipalArrondissement('38185')).toBeUndefined();
  });

  it('gives EPCI spanning several départements a primary département first', () => {
    const geo = buildFrenchGeography();
    const multi = geo.epcis.filter((e) => e.parentCodes.length > 1);
    expect(multi.length).toBeGreaterThan(10);
    for (const e of multi) expect(e.parentCodes[0]).toBe(e.departementCode);
  });
});
