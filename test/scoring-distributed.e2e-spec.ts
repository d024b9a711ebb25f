import { Role } from '@maillage/auth';
import { ScoringRunsService, edgeV } from '@maillage/complementarity';
import { Neo4jService } from '@maillage/neo4j';
import { TestApi, TestWorker, eventually, finished } from './support/api';

/**
 * A rebuild shared by two worker applications (each with its own BullMQ consumers, population
 * snapshot and scoring threads, as two processes on two machines would have) gives the same stored
 * partners as a rebuild by one worker alone. Chunks are made small so that both workers take some.
 */
const START = `mutation { startScoringRun { id } }`;
const RUN = `query($id: ID!) { scoringRun(id: $id) { status counts { actors edges chunks chunksDone } } }`;

describe('scoring rebuild shared by two workers (e2e)', () => {
  let api: TestApi;
  let admin: { apiKey: string };
  const workers: TestWorker[] = [];
  const tag = `Dist${Date.now().toString(36)}`;
  let ids: string[] = [];
  const saved: Record<string, string | undefined> = {};

  const rebuild = async () => {
    const runId = (await api.ok<{ startScoringRun: { id: string } }>(START, {}, admin.apiKey)).startScoringRun
      .id;
    const run = await eventually(
      () =>
        api.ok<{ scoringRun: { status: string; counts: Record<string, number> } }>(
          RUN,
          { id: runId },
          admin.apiKey,
        ),
      (r) => finished(r.scoringRun.status),
      120_000,
    );
    expect(run.scoringRun.status).toBe('SUCCEEDED');
    return run.scoringRun.counts;
  };

  /** Every stored list of this suite's actors: partner ids, ranks and scores. */
  const stored = async () =>
    workers[0].get(Neo4jService).read<{ id: string; list: [string, number, number][] }>(
      `MATCH (a:Actor)-[e:COMPLEMENTS]->(b:Actor) WHERE a.id IN $ids
         WITH a, e, b ORDER BY e.rank
         RETURN a.id AS id, collect([b.id, e.rank, ${edgeV('e').score}]) AS list ORDER BY id`,
      { ids },
    );

  beforeAll(async () => {
    for (const k of ['SCORING_CHUNK_SIZE', 'WORKER_CONCURRENCY']) saved[k] = process.env[k];
    // many small chunks, one at a time per worker: both workers get some
    Object.assign(process.env, { SCORING_CHUNK_SIZE: '3', WORKER_CONCURRENCY: '1' });
    api = await TestApi.start();
    admin = await api.user(Role.ADMIN);
    const profiles = [
      {
        kind: 'ASSOCIATION',
        offers: ['communication.events'],
        needs: ['digital.website', 'legal.governance'],
      },
      { kind: 'COMPANY', offers: ['digital.website', 'legal.governance'], needs: ['communication.events'] },
      { kind: 'COMMUNE', offers: ['logistics.storage'], needs: ['digital.website', 'communication.events'] },
      { kind: 'COMPANY', offers: ['logistics.transport', 'digital.website'], needs: ['logistics.storage'] },
    ];
    ids = await api.createActorsFromProfiles(admin.apiKey, 16, profiles, (i) => ({
      name: `${tag} actor ${i}`,
      communeCode: i % 2 ? '69123' : '69266',
      causes: i % 3 === 0 ? [4] : [4, 5 + (i % 10)],
    }));
    workers.push(await TestWorker.start(), await TestWorker.start());
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('splits the chunks between both workers and stores the same lists as one worker', async () => {
    const taken = workers.map((w) => jest.spyOn(w.get(ScoringRunsService), 'runChunk'));
    const shared = await rebuild();
    expect(shared.chunks).toBeGreaterThan(4);
    expect(shared.chunksDone).toBe(shared.chunks);
    // both workers scored chunks (each worker has its own ScoringRunsService)
    for (const spy of taken) expect(spy.mock.calls.length).toBeGreaterThan(0);
    const byTwo = await stored();
    expect(byTwo.length).toBe(ids.length);
    expect(byTwo.every((r) => r.list.length > 0)).toBe(true);

    await workers.pop()!.close();
    const alone = await rebuild();
    expect(alone.chunksDone).toBe(alone.chunks);
    // The lists of this suite's actors, edge for edge. (The runs' total edge counts cover the
    // whole shared graph, which an earlier suite's late outbox delivery can change in between.)
    expect(await stored()).toEqual(byTwo);
  });
});
