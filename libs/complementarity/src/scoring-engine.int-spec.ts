import { buildIndex } from '@maillage/candidate-search';
import { AppConfig } from '@maillage/config';
import { DEFAULT_PROFILE } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { ComplementsRepository, EdgeRow } from './complements.repository';
import { PopulationService, PopulationSnapshot } from './population.service';
import { PIPELINE_MIN_ACTORS, ScoringEngineService } from './scoring-engine.service';
import { ScoringProfilesService } from '@maillage/scoring-profiles';

/**
 * The pipelined path (RESOURCES lists on real worker threads, completed with the four forms here,
 * written batch by batch) stores exactly the rows of the in-thread topK. Only the edge writer is
 * replaced (it records the rows); the index, threads and form search are the real ones.
 */
describe('ScoringEngineService pipeline', () => {
  const { actors, taxonomy } = generatePopulation({ n: 1500, seed: 7, regions: 2, deptsPerRegion: 2 });
  const snapshot = { index: buildIndex(actors, taxonomy) } as PopulationSnapshot;
  const written: EdgeRow[] = [];
  const edges = {
    replace: async (rows: EdgeRow[]) => {
      written.push(...rows);
      return rows.reduce((s, r) => s + r.partners.length, 0);
    },
  } as unknown as ComplementsRepository;
  const engine = new ScoringEngineService(
    {} as PopulationService,
    edges,
    {} as ScoringProfilesService,
    { SCORING_THREADS: 2 } as AppConfig,
  );

  afterAll(() => engine.onModuleDestroy());

  it('writes the same form-aware rows as topK', async () => {
    const ids = snapshot.index.ids.slice(0, 1200);
    expect(ids.length).toBeGreaterThanOrEqual(PIPELINE_MIN_ACTORS);
    const res = await engine.scoreAndWrite(snapshot, ids, DEFAULT_PROFILE);
    const direct = engine.topK(snapshot, ids, DEFAULT_PROFILE);
    expect(res.actors).toBe(ids.length);
    expect(res.edges).toBe(direct.reduce((s, r) => s + r.partners.length, 0));
    expect(written.map((r) => r.id)).toEqual(ids);
    expect(written).toEqual(direct);
    expect(direct.some((r) => r.partners.some((p) => p.form !== 'RESOURCES'))).toBe(true);
  });
});
