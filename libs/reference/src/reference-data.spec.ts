import { Modality } from '@maillage/domain';
import { competenceSeedFile, loadCompetences } from './competences';
import { loadConstraintStatements, parseCypherSeed } from './seed-files';
import { loadSdgs, sdgSeedFile } from './sdgs';

describe('SDGs seed', () => {
  it('holds the 17 goals with official French and English labels', () => {
    const sdgs = loadSdgs();
    expect(sdgs.map((s) => s.sdg)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(sdgs[0]).toMatchObject({ label: 'Pas de pauvreté', labelEn: 'No poverty' });
    expect(sdgs[1].label).toBe('Faim « zéro »');
    expect(sdgs[16].labelEn).toBe('Partnerships for the goals');
    for (const s of sdgs) {
      expect(s.label.length).toBeGreaterThan(3);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.color).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(sdgSeedFile().version).toBeTruthy();
  });
});

describe('competence taxonomy', () => {
  const competences = loadCompetences();

  it('has at least 80 competences in 2–3 levels with unique ids and known parents', () => {
    expect(competences.length).toBeGreaterThanOrEqual(80);
    const ids = competences.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(competences.map((c) => [c.id, c]));
    for (const c of competences) {
      if (c.parentId === null) {
        expect(c.level).toBe(1);
      } else {
        expect(byId.get(c.parentId)?.level).toBe(c.level - 1);
        expect(c.id.startsWith(`${c.parentId}.`)).toBe(true);
      }
      expect(c.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){0,2}$/);
      expect(c.modalities.length).toBeGreaterThan(0);
      expect(c.popularity).toBeGreaterThan(0);
    }
    expect(new Set(competences.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
    expect(competenceSeedFile().version).toBeTruthy();
  });

  it('covers what partners actually exchange, with every modality', () => {
    const roots = competences.filter((c) => c.level === 1).map((c) => c.id);
    for (const domain of [
      'finance',
      'legal',
      'hr',
      'communication',
      'digital',
      'logistics',
      'premises',
      'fundraising',
      'impact',
      'training',
      'mobility',
      'food',
      'housing',
      'health',
      'environment',
      'culture',
      'sport',
      'work-integration',
      'public-policy',
      'volunteering',
      'network',
      'funding',
    ]) {
      expect(roots).toContain(domain);
    }
    const modalities = new Set(competences.flatMap((c) => c.modalities));
    expect(modalities).toEqual(new Set(Object.values(Modality)));
  });

  it('skews popularity: volunteering, funding and communication common; legal and impact evaluation rare', () => {
    const pop = (id: string) => competences.find((c) => c.id === id)!.popularity;
    const leaves = competences
      .filter((c) => c.level > 1)
      .map((c) => c.popularity)
      .sort((a, b) => b - a);
    const top10 = leaves.slice(0, Math.ceil(leaves.length / 10)).reduce((a, b) => a + b, 0);
    const total = leaves.reduce((a, b) => a + b, 0);
    expect(top10 / total).toBeGreaterThan(0.25); // a tenth of the competences weigh over a quarter
    expect(pop('funding.project')).toBeGreaterThan(5 * pop('legal.intellectual-property'));
    expect(pop('volunteering.occasional')).toBeGreaterThan(5 * pop('impact.evaluation-research'));
    expect(pop('communication.social-media')).toBeGreaterThan(pop('legal.gdpr'));
  });
});

describe('constraints seed', () => {
  it('splits the .cypher file into IF NOT EXISTS statements with a version', () => {
    const seed = loadConstraintStatements();
    expect(Number(seed.version)).toBeGreaterThanOrEqual(2);
    expect(seed.statements.length).toBeGreaterThanOrEqual(15);
    for (const s of seed.statements) {
      expect(s).toMatch(/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|TEXT INDEX) \w+ IF NOT EXISTS/);
      expect(s.endsWith(';')).toBe(false);
    }
    const all = seed.statements.join('\n');
    for (const key of ['a.id', 'a.siren', 'a.rna', 'a.externalId', 'c.id', 't.code', 'c.sdg', 'p.id']) {
      expect(all).toContain(`REQUIRE ${key} IS UNIQUE`);
    }
    expect(all).toContain('FULLTEXT INDEX actorNames');
  });

  it('rejects a file without version or with an unterminated statement', () => {
    expect(() => parseCypherSeed('x', 'CREATE INDEX a IF NOT EXISTS FOR (n:N) ON (n.a);')).toThrow(/version/);
    expect(() =>
      parseCypherSeed('x', '// version: 2\nCREATE INDEX a IF NOT EXISTS FOR (n:N) ON (n.a)'),
    ).toThrow(/terminated/);
    expect(
      parseCypherSeed('x', '// version: 2\n// c\nCREATE INDEX a\n  IF NOT EXISTS FOR (n:N) ON (n.a);\n'),
    ).toEqual({
      name: 'x',
      version: '2',
      statements: ['CREATE INDEX a\n  IF NOT EXISTS FOR (n:N) ON (n.a)'],
    });
  });
});
