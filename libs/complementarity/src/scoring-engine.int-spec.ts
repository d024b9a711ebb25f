import { buildIndex } from '@maillage/candidate-search';
import { AppConfig } from '@maillage/config';
import { DEFAULT_PROFILE } from '@maillage/scoring';
import { generatePopulation } from '@maillage/scoring/testing';
import { ComplementsRepository, EdgeRow } from './complements.repository';
import { PopulationService, PopulationSnapshot } from '@maillage/scoring-population';
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

/**
 * A batch of edited actors rescored in one pass rewrites every list that rescoring them one by one
 * would, with the same rows. The stored edges live in a map (the writer, in-neighbours and stored
 * scores read it); population, index, search and forms are the real ones.
 */
describe('ScoringEngineService.rescoreActors (batch)', () => {
  const { actors, taxonomy } = generatePopulation({ n: 600, seed: 11, regions: 1, deptsPerRegion: 2 });
  const before = { index: buildIndex(actors, taxonomy) } as PopulationSnapshot;
  const ids = before.index.ids;

  /** An engine over an in-memory edge store and a fixed snapshot; `rewritten`: ids of lists written. */
  function engineWith(store: Map<string, EdgeRow>, snapshot: PopulationSnapshot) {
    const rewritten: string[] = [];
    const edges = {
      replace: async (rows: EdgeRow[]) => {
        for (const r of rows) {
          store.set(r.id, r);
          rewritten.push(r.id);
        }
        return rows.reduce((s, r) => s + r.partners.length, 0);
      },
      inNeighboursOf: async (of: readonly string[]) =>
        new Map(
          of.map((b) => [
            b,
            [...store.values()].filter((r) => r.partners.some((p) => p.id === b)).map((r) => r.id),
          ]),
        ),
      storedScores: async (of: readonly string[]) =>
        new Map(
          of.flatMap((x) => {
            const row = store.get(x);
            if (!row) return [];
            return [
              [x, { scores: row.partners.map((p) => p.score), forms: row.partners.map((p) => p.forms) }],
            ];
          }),
        ),
    } as unknown as ComplementsRepository;
    const engine = new ScoringEngineService(
      { refreshed: async () => snapshot } as unknown as PopulationService,
      edges,
      { platform: async () => ({ profile: DEFAULT_PROFILE }) } as unknown as ScoringProfilesService,
      { SCORING_THREADS: 1 } as AppConfig,
    );
    return { engine, rewritten };
  }

  it('rewrites every list one-by-one rescores would, once each, with the same rows', async () => {
    const initial = new Map<string, EdgeRow>();
    const seed = engineWith(initial, before);
    await seed.engine.scoreAndWrite(before, ids, DEFAULT_PROFILE);
    await seed.engine.onModuleDestroy();
    // four edited actors, three of them sharing lists (the first and two of its partners); each now
    // also needs what the first actor's best partner offers
    const first = initial.get(ids[0])!;
    const editedIds = [ids[0], first.partners[0].id, first.partners[1].id, ids[ids.length - 1]];
    const offered = actors.find((a) => a.id === first.partners[0].id)!.offers[0].competenceId;
    const edited = actors
      .filter((a) => editedIds.includes(a.id))
      .map((a) => ({
        ...a,
        needs: [
          ...a.needs.filter((n) => n.competenceId !== offered),
          { competenceId: offered, priority: 3 as const },
        ],
      }));
    const after = { index: before.index.patched([], edited) } as PopulationSnapshot;

    const oneByOne = engineWith(new Map(initial), after);
    for (const id of editedIds) await oneByOne.engine.rescoreActors([id]);
    const batchStore = new Map(initial);
    const batch = engineWith(batchStore, after);
    const res = await batch.engine.rescoreActors(editedIds);
    await Promise.all([oneByOne.engine.onModuleDestroy(), batch.engine.onModuleDestroy()]);

    const union = new Set(oneByOne.rewritten);
    expect(union.size).toBeGreaterThan(editedIds.length); // lists beyond the edited actors' own
    expect(batch.rewritten).toHaveLength(new Set(batch.rewritten).size); // each list written once
    expect(res.actors).toBe(batch.rewritten.length);
    for (const id of union) expect(batch.rewritten).toContain(id);
    // every rewritten list is the fresh top-K of the edited population
    const fresh = batch.engine.topK(after, batch.rewritten, DEFAULT_PROFILE);
    expect(fresh.map((r) => batchStore.get(r.id))).toEqual(fresh);
  });
});
