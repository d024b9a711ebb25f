import { TerritoryLevel } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import { CauseRepository } from './cause.repository';
import { CompetenceRepository } from './competence.repository';
import { loadCompetences } from './competences';
import { ReferenceSeeder } from './reference.seeder';
import { TerritoryRepository } from './territory.repository';

/** Real Neo4j (scripts/test.mjs starts a throwaway one and sets NEO4J_URI). */
const describeNeo4j = process.env.NEO4J_URI ? describe : describe.skip;
jest.setTimeout(120_000);

// Isère (38) plus Savoie (73): an EPCI spans both, which exercises the multi-département links.
const DEPARTEMENTS = ['38', '73'];

describeNeo4j('ReferenceSeeder and repositories (Neo4j)', () => {
  let neo4j: Neo4jService;
  let seeder: ReferenceSeeder;
  let territories: TerritoryRepository;
  let competences: CompetenceRepository;

  beforeAll(async () => {
    neo4j = new Neo4jService({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
    } as never);
    seeder = new ReferenceSeeder(neo4j);
    territories = new TerritoryRepository(neo4j);
    competences = new CompetenceRepository(neo4j);
    await seeder.applyConstraints();
  });

  afterAll(async () => {
    await neo4j.onApplicationShutdown();
  });

  /** Counts limited to what this spec seeds, so parallel suites writing elsewhere do not disturb them. */
  async function scopedCounts() {
    const [row] = await neo4j.read<Record<string, number>>(
      `CALL () { MATCH (t:Territory) WHERE t.departementCode IN $depts OR t.code IN ['R84'] RETURN count(t) AS territories }
       CALL () { MATCH (t:Territory)-[r:PART_OF]->() WHERE t.departementCode IN $depts RETURN count(r) AS partOf }
       CALL () { MATCH (c:Competence) RETURN count(c) AS competences }
       CALL () { MATCH (:Competence)-[r:SUBCATEGORY_OF]->() RETURN count(r) AS subcategoryOf }
       CALL () { MATCH (c:Cause) RETURN count(c) AS causes }
       CALL () { MATCH (s:SeedVersion) WHERE s.name IN ['sdgs', 'competences', $geo] RETURN count(s) AS versions }
       RETURN territories, partOf, competences, subcategoryOf, causes, versions`,
      { depts: DEPARTEMENTS, geo: `geography:${DEPARTEMENTS.join(',')}` },
    );
    return row;
  }

  it('seeds twice with identical counts (forced re-run merges, normal re-run skips)', async () => {
    const first = await seeder.seedAll({ departements: DEPARTEMENTS, force: true });
    expect(first.map((r) => r.skipped)).toEqual([false, false, false, false]);
    const afterFirst = await scopedCounts();
    expect(afterFirst.causes).toBe(17);
    expect(afterFirst.competences).toBe(loadCompetences().length);
    expect(afterFirst.subcategoryOf).toBe(loadCompetences().filter((c) => c.parentId).length);
    expect(afterFirst.territories).toBeGreaterThan(800);
    expect(afterFirst.versions).toBe(3);

    const forced = await seeder.seedAll({ departements: DEPARTEMENTS, force: true });
    expect(forced.every((r) => !r.skipped || r.name === 'constraints')).toBe(true);
    expect(await scopedCounts()).toEqual(afterFirst);

    const again = await seeder.seedAll({ departements: DEPARTEMENTS });
    expect(again.slice(1).map((r) => r.skipped)).toEqual([true, true, true]);
    expect(await scopedCounts()).toEqual(afterFirst);

    // A subset of what is loaded is skipped too.
    expect((await seeder.seedGeography({ departements: ['73'] })).skipped).toBe(true);

    const applied = await seeder.appliedVersions();
    const geo = applied.find((a) => a.name === 'geography:38,73')!;
    expect(geo.version).toBe(forced[3].version);
    expect(geo.appliedAt).toBeInstanceOf(Date);
  });

  it('answers territory queries: by code, name prefix, children, descendants, ancestors', async () => {
    await seeder.seedAll({ departements: DEPARTEMENTS });
    const grenoble = await territories.byCode('38185');
    expect(grenoble).toEqual({
      code: '38185',
      inseeCode: '38185',
      level: TerritoryLevel.COMMUNE,
      name: 'Grenoble',
      population: expect.any(Number),
      parentCodes: ['200040715', '38'],
      primaryParentCode: '200040715',
    });
    expect(await territories.byCode('nope')).toBeNull();
    expect((await territories.byCodes(['R84', '38', 'zzz'])).map((t) => t.name)).toEqual([
      'Auvergne-Rhône-Alpes',
      'Isère',
    ]);

    const found = await territories.searchByName('GRENOBLE');
    expect(found.map((t) => t.code)).toEqual(expect.arrayContaining(['38185', '200040715']));
    const accent = await territories.searchByName('echiro', { level: TerritoryLevel.COMMUNE });
    expect(accent[0]).toMatchObject({ code: '38151', name: 'Échirolles' });
    const word = await territories.searchByName('grésivaudan', { level: TerritoryLevel.EPCI });
    expect(word.map((t) => t.name).join()).toMatch(/Grésivaudan/);
    expect(await territories.searchByName('  ')).toEqual([]);
    expect((await territories.searchByName('saint', { limit: 5 })).length).toBe(5);

    const metroCommunes = await territories.children('200040715');
    expect(metroCommunes.length).toBe(49);
    expect(metroCommunes.every((t) => t.level === TerritoryLevel.COMMUNE)).toBe(true);
    const isereChildren = await territories.children('38');
    expect(isereChildren.some((t) => t.level === TerritoryLevel.EPCI)).toBe(true);
    const isereCommunes = await territories.children('38', { level: TerritoryLevel.COMMUNE });
    expect(isereCommunes.length).toBeGreaterThan(500);
    expect((await territories.children('R84')).map((t) => t.code)).toEqual(
      expect.arrayContaining(['38', '73']),
    );

    expect(await territories.descendantCommuneCodes('38185')).toEqual(['38185']);
    const metro = await territories.descendantCommuneCodes('200040715');
    expect(metro).toHaveLength(49);
    expect(metro).toContain('38151');
    const isere = await territories.descendantCommuneCodes('38');
    expect(isere.length).toBe(isereCommunes.length);
    expect(isere.every((c) => c.startsWith('38'))).toBe(true);
    const region = await territories.descendantCommuneCodes('R84');
    expect(region.length).toBeGreaterThanOrEqual(isere.length + 250);
    expect(await territories.descendantCommuneCodes('unknown')).toEqual([]);

    const inside = await territories.descendantCodes('38');
    expect(inside).toEqual(expect.arrayContaining(['38', '38185', '200040715']));
    expect(inside.some((c) => c.startsWith('73') && c.length === 5)).toBe(false);

    expect((await territories.ancestors('38185')).map((t) => t.code)).toEqual([
      '38185',
      '200040715',
      '38',
      'R84',
    ]);
  });

  it('answers competence queries: tree, expansion', async () => {
    await seeder.seedCompetences();
    const tree = await competences.tree();
    expect(tree.length).toBe(loadCompetences().length);
    expect(tree.find((c) => c.id === 'finance.accounting')).toMatchObject({
      parentId: 'finance',
      label: 'Comptabilité',
      level: 2,
    });
    expect(await competences.expandCompetence('finance.accounting')).toEqual([
      'finance.accounting',
      'finance.accounting.annual-accounts',
      'finance.accounting.bookkeeping',
    ]);
    const finance = await competences.expandCompetence('finance');
    expect(finance).toContain('finance.accounting.bookkeeping');
    expect(finance).not.toContain('funding.project');
    expect(await competences.expandCompetence('nope')).toEqual([]);
    expect((await competences.byIds(['legal', 'nope', 'hr'])).map((c) => c.id)).toEqual(['legal', 'hr']);
    await seeder.seedSdgs();
    const causes = await new CauseRepository(neo4j).all();
    expect(causes).toHaveLength(17);
    expect(causes[1]).toMatchObject({ sdg: 2, label: 'Faim « zéro »', labelEn: 'Zero hunger' });
  });
});
