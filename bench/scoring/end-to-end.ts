/**
 * End-to-end part of `npm run bench:scoring`, on the real stores: load N generated actors into
 * Neo4j, rebuild every actor's top-20 COMPLEMENTS edges (read from Neo4j, score, write in
 * batches) as a worker does, then measure the `partners` GraphQL query under concurrent clients.
 */
import { INestApplication } from '@nestjs/common';
import { Neo4jService } from '../../libs/neo4j/src';
import { APP_CONFIG, AppConfig } from '../../libs/config/src';
import { benchmarkOptions, generateActors, loadActorsIntoGraph } from '../../libs/synthetic/src';
import {
  ComplementsRepository,
  ScoringEngineService,
  unfilteredPartnerQuery,
} from '../../libs/complementarity/src';
import { PopulationService } from '../../libs/scoring-population/src';
import { ScoringIndex, buildIndex, searcherFor } from '../../libs/candidate-search/src';
import { benchPopulation } from './population';
import { resourcesOf } from '../../libs/scoring-threads/src';
import { DEFAULT_PROFILE, ScoringProfile } from '../../libs/scoring/src';
import { listVisibilityParams } from '../../libs/actors/src';
import { ANONYMOUS } from '../../libs/auth/src';
import { graphqlLoad } from '../support/graphql-load';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface EndToEndResult {
  n: number;
  loadSeconds: number;
  readSeconds: number;
  scoreAndWriteSeconds: number;
  rebuildSeconds: number;
  /** Rebuild chunks scored and written at once (WORKER_CONCURRENCY, as one worker process). */
  chunksAtOnce: number;
  edgesWritten: number;
  peakRssMb: number;
  /** The RESOURCES search alone on the snapshot read from Neo4j, one thread, sampled actors (not
   * part of the rebuild): compare with the compute part's per-actor cost on generated actors. */
  snapshotSearch: SearchSample;
  /** The same on the same generated actors indexed in memory, as the compute part does (last). */
  memorySearch: SearchSample;
  /** Profile edit → every affected list rewritten (the SCORE_ACTOR handler, queue wait excluded). */
  incremental: null | {
    edits: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    actorsRescored: number;
    /** Where an edit's time goes (see RescoreResult.timings), median over the edits. */
    phaseP50Ms: {
      refreshMs: number | null;
      affectedMs: number | null;
      ownRowsMs: number | null;
      storedReadsMs: number | null;
      scoreMs: number | null;
      writeMs: number | null;
    };
    /** The three slowest edits: time, lists rewritten, split. */
    slowest: { ms: number; lists: number; timings: unknown }[];
    /** The edits rescored one by one (sum), and as many other edits rescored in one batch. */
    oneByOneTotalMs: number;
    batchedTotalMs: number;
    batchedLists: number;
  };
  /** null with `rebuildOnly` (the edits and `partners` are then not measured). */
  latency: null | {
    clients: number;
    requests: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
    rps: number;
    /** The same stored-partners read straight on Neo4j, as many at once: the floor under the API. */
    neo4jReadOnly: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; rps: number };
    /** The cheapest GraphQL query (`{ __typename }`, no store) under the same load: the HTTP stack's floor. */
    emptyQuery: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; rps: number };
  };
}

const REBUILD_CHUNK = 2000;
const SEARCH_SAMPLE = 1000;

export interface SearchSample {
  actors: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  postingsPerActor: number;
  candidatesPerActor: number;
}

/** The RESOURCES top-20 of SEARCH_SAMPLE spread actors on this thread: where a rebuild's CPU goes. */
export function searchSample(index: ScoringIndex, profile: ScoringProfile): SearchSample {
  const searcher = searcherFor(index, profile);
  const before = { ...searcher.stats };
  const times: number[] = [];
  const sample = Math.min(SEARCH_SAMPLE, index.n);
  for (let i = 0; i < sample; i++) {
    const t0 = performance.now();
    resourcesOf(searcher, Math.floor(((i + 0.5) * index.n) / sample), 20);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    actors: sample,
    meanMs: round(times.reduce((a, b) => a + b, 0) / sample),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[sample - 1]),
    postingsPerActor: Math.round((searcher.stats.postings - before.postings) / sample),
    candidatesPerActor: Math.round((searcher.stats.touched - before.touched) / sample),
  };
}
const EDITS = 40;

/** A need added to the actor (the competence it lacks with the smallest id), as a profile edit would. */
const ADD_NEED = `
MATCH (a:Actor { id: $id })
MATCH (c:Competence) WHERE NOT (a)-[:NEEDS]->(c) AND NOT (a)-[:OFFERS]->(c)
WITH a, c ORDER BY c.id LIMIT 1
MERGE (a)-[n:NEEDS]->(c) SET n.priority = 3`;

/** searchSample over the generated actors indexed in memory (the compute part's population). */
function memorySearch(n: number, log: (s: string) => void): SearchSample {
  const pop = benchPopulation(n, 42);
  const index = buildIndex(pop.actors, pop.taxonomy);
  const result = searchSample(index, DEFAULT_PROFILE);
  log(`RESOURCES search on the same actors generated in memory, one thread: ${JSON.stringify(result)}`);
  return result;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Samples resident memory while `work` runs: the figure a worker process would need. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return [value, Math.round(peak / 1024 / 1024)];
  } finally {
    clearInterval(timer);
  }
}

const PARTNERS_QUERY =
  'query($id: ID!) { partners(actorId: $id, limit: 20) { rank score partner { id name } } }';

/** Latency figures of sorted request times (ms) over a wall time (s). */
function figures(times: number[], wallSeconds: number) {
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1]),
    rps: Math.round(times.length / wallSeconds),
  };
}

/**
 * `partners` through HTTP and GraphQL under `clients` concurrent anonymous callers (on a thread of
 * their own), then its floor: the same stored-partners read done straight on Neo4j, as many reads,
 * as many at once, from the API's process (what the API adds is the difference); and the HTTP
 * stack's own floor, an empty query under the same load.
 */
async function latency(app: INestApplication, ids: string[], clients: number, requests: number) {
  const order = Array.from({ length: requests }, (_, i) => ids[(i * 7919) % ids.length]);
  const http = await graphqlLoad({
    url: `${await app.getUrl()}/graphql`,
    query: PARTNERS_QUERY,
    variables: order.map((id) => ({ id })),
    clients,
    requests,
    warmUp: clients * 3,
  });
  const edges = app.get(ComplementsRepository);
  const read = (actorId: string) =>
    edges.partners(unfilteredPartnerQuery(actorId, 20, listVisibilityParams(ANONYMOUS)));
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const id = order[(next++ + requests / 2) % requests]; // other actors than the HTTP run's first
        const t0 = performance.now();
        await read(id);
        times.push(performance.now() - t0);
      }
    }),
  );
  const floor = figures(
    times.sort((a, b) => a - b),
    (performance.now() - started) / 1000,
  );
  // what any request costs through the HTTP server, rate limiter, GraphQL and the logs, with no read
  const empty = await graphqlLoad({
    url: `${await app.getUrl()}/graphql`,
    query: '{ __typename }',
    variables: [{}],
    clients,
    requests,
    warmUp: clients * 3,
  });
  return {
    clients,
    requests,
    ...figures(http.times, http.wallSeconds),
    neo4jReadOnly: floor,
    emptyQuery: figures(empty.times, empty.wallSeconds),
  };
}

export async function benchEndToEnd(
  n: number,
  log: (s: string) => void,
  { rebuildOnly = false } = {},
): Promise<EndToEndResult> {
  // 32 clients on one address would hit the per-IP limit at once (the product's limit, not the cost
  // being measured): lift it for this process, as bench:soak does.
  process.env.RATE_LIMIT_PER_IP = '100000000';
  process.env.RATE_LIMIT_PER_KEY = '100000000';
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  try {
    const neo4j = app.get(Neo4jService);
    log(`generating and loading ${n} actors into Neo4j…`);
    let actors: ReturnType<typeof generateActors> | null = generateActors(benchmarkOptions({ count: n }));
    const loadStarted = performance.now();
    await loadActorsIntoGraph(neo4j, actors, { batchSize: 5000 });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    actors = null;
    (globalThis as { gc?: () => void }).gc?.();

    const chunksAtOnce = app.get<AppConfig>(APP_CONFIG).WORKER_CONCURRENCY;
    log(
      `rebuilding every actor’s top-20 (read from Neo4j, score, write edges; ${chunksAtOnce} chunks at once)…`,
    );
    const population = app.get(PopulationService);
    const engine = app.get(ScoringEngineService);
    const [rebuild, peakRssMb] = await withPeakRss(async () => {
      const t0 = performance.now();
      const snapshot = await population.current(0);
      const t1 = performance.now();
      const ids = [...snapshot.index.ids];
      let edges = 0;
      // chunks run WORKER_CONCURRENCY at a time, as one worker process takes the rebuild's chunk jobs
      let next = 0;
      await Promise.all(
        Array.from({ length: chunksAtOnce }, async () => {
          while (next < ids.length) {
            const from = next;
            next += REBUILD_CHUNK;
            // (awaited first: `edges += await …` would read edges before the other chunk adds to it)
            const written = await engine.scoreAndWrite(snapshot, ids.slice(from, from + REBUILD_CHUNK));
            edges += written.edges;
            if ((from / REBUILD_CHUNK) % 25 === 24) {
              const s = ((performance.now() - t1) / 1000).toFixed(0);
              log(`  ${Math.min(ids.length, from + REBUILD_CHUNK)} lists, ${edges} edges after ${s} s`);
            }
          }
        }),
      );
      const t2 = performance.now();
      const read = { readSeconds: (t1 - t0) / 1000, scoreAndWriteSeconds: (t2 - t1) / 1000 };
      // the search alone on the rebuild's own snapshot, once timed (current(0) would read it again)
      const search = searchSample(snapshot.index, await engine.activeProfile());
      return { ids, edges, search, ...read };
    });
    const snapshotSearch = rebuild.search;
    log(`RESOURCES search on the snapshot, one thread: ${JSON.stringify(snapshotSearch)}`);
    const rebuildFigures = {
      n,
      loadSeconds: +loadSeconds.toFixed(1),
      readSeconds: +rebuild.readSeconds.toFixed(1),
      scoreAndWriteSeconds: +rebuild.scoreAndWriteSeconds.toFixed(1),
      rebuildSeconds: +(rebuild.readSeconds + rebuild.scoreAndWriteSeconds).toFixed(1),
      chunksAtOnce,
      edgesWritten: rebuild.edges,
      peakRssMb,
      snapshotSearch,
    };
    if (rebuildOnly)
      return { ...rebuildFigures, incremental: null, latency: null, memorySearch: memorySearch(n, log) };
    log(`rebuild done: ${rebuild.edges} edges; measuring profile edits…`);
    const times: number[] = [];
    const phases = {
      refreshMs: [] as number[],
      affectedMs: [] as number[],
      ownRowsMs: [] as number[],
      storedReadsMs: [] as number[],
      scoreMs: [] as number[],
      writeMs: [] as number[],
    };
    const slowest: { ms: number; lists: number; timings: unknown }[] = [];
    let rescored = 0;
    for (let i = 0; i < EDITS; i++) {
      const id = rebuild.ids[(i * 2503) % rebuild.ids.length];
      await neo4j.write(ADD_NEED, { id });
      const t0 = performance.now();
      const done = await engine.rescoreActor(id);
      times.push(performance.now() - t0);
      rescored += done.actors;
      slowest.push({ ms: Math.round(times[times.length - 1]), lists: done.actors, timings: done.timings });
      for (const k of Object.keys(phases) as (keyof typeof phases)[]) {
        const ms = done.timings?.[k];
        if (ms !== undefined) phases[k].push(ms); // (no split above PIPELINE_MIN_ACTORS lists)
      }
    }
    const phaseP50 = Object.fromEntries(
      Object.entries(phases).map(([k, v]) => [
        k,
        v.length
          ? percentile(
              v.sort((x, y) => x - y),
              50,
            )
          : null,
      ]),
    ) as Record<keyof typeof phases, number | null>;
    const oneByOneMs = times.reduce((x, y) => x + y, 0);
    times.sort((a, b) => a - b);
    // The same number of other actors edited together (an import's chunk): one batched rescore.
    const burstIds = Array.from(
      { length: EDITS },
      (_, i) => rebuild.ids[(i * 2503 + 1) % rebuild.ids.length],
    );
    for (const id of burstIds) await neo4j.write(ADD_NEED, { id });
    const b0 = performance.now();
    const burst = await engine.rescoreActors(burstIds);
    const burstMs = performance.now() - b0;
    // A deployment's API process holds no scoring population (the workers do); this one process
    // plays both, so the population is dropped first: its collections would land in the API's tail.
    population.invalidate();
    (globalThis as { gc?: () => void }).gc?.();
    log('measuring partners latency…');
    const lat = await latency(app, rebuild.ids, 32, 3200);
    return {
      ...rebuildFigures,
      memorySearch: memorySearch(n, log),
      incremental: {
        edits: EDITS,
        p50Ms: Math.round(percentile(times, 50)),
        p95Ms: Math.round(percentile(times, 95)),
        maxMs: Math.round(times[times.length - 1]),
        actorsRescored: Math.round(rescored / EDITS),
        phaseP50Ms: phaseP50,
        slowest: slowest.sort((x, y) => y.ms - x.ms).slice(0, 3),
        oneByOneTotalMs: Math.round(oneByOneMs),
        batchedTotalMs: Math.round(burstMs),
        batchedLists: burst.actors,
      },
      latency: lat,
    };
  } finally {
    await app.close();
  }
}
