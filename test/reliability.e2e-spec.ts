import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { AllianceForm } from '@maillage/domain';
import { LIST_STAMP_PROPERTIES, ScoringRunsService, edgeV } from '@maillage/complementarity';
import { ALLIANCE_FROM_EVENT, allianceFromEvent } from '@maillage/follow-up';
import { WorkerHealthServer } from '@maillage/health';
import { JobName, JobWorkerService, JobsService, QUEUE_OF_JOB, QueueName } from '@maillage/jobs';
import { Neo4jService } from '@maillage/neo4j';
import { OUTBOX_MAX_ATTEMPTS, OutboxRelayJob, OutboxService } from '@maillage/outbox';
import { TestApi, TestWorker, eventually, finished, skills } from './support/api';
import { Neo4jServer, RedisServer, until } from './support/faults';

/**
 * Fault injection on real services (issue 10). The API and an in-process worker run on their own
 * redis-server, which the tests kill and restart empty; the last suite stops its own Neo4j. Each
 * scenario asserts what a user notices: a bounded answer, the write kept, runs that finish by
 * themselves (the worker's sweeper), harmless duplicates. Measured figures are printed.
 */

const figures: string[] = [];
const measure = (label: string, ms: number) => figures.push(`${label}: ${Math.round(ms)} ms`);
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = Date.now();
  const v = await fn();
  return [v, Date.now() - t];
};

const SAVED = [
  'REDIS_URL',
  'REDIS_PREFIX',
  'SWEEPER_INTERVAL_MS',
  'SWEEPER_GRACE_MS',
  'WORKER_HEALTH_PORT',
  'NEO4J_URI',
];
const saved = Object.fromEntries(SAVED.map((k) => [k, process.env[k]]));
function restoreEnv() {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

afterAll(() => {
  restoreEnv();
  process.stdout.write(`\n[reliability] measured:\n  ${figures.join('\n  ')}\n`);
});

type Run = { status: string; error: string | null; counts?: Record<string, number> };
const SCORING_RUN = `query($id: ID!) { scoringRun(id: $id) { status error counts { actors edges chunks chunksDone } } }`;

/** What the worker would deliver: enough of a BullMQ job for JobWorkerService.process. */
const delivery = <N extends JobName>(name: N, data: unknown): Job =>
  ({
    name,
    data,
    id: `dup-${name}`,
    queueName: QUEUE_OF_JOB[name],
    attemptsMade: 0,
    opts: { attempts: 1 },
    updateProgress: async () => undefined,
  }) as unknown as Job;

describe('reliability: Redis failures (e2e, own redis-server)', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: TestWorker;
  let admin: { apiKey: string };
  let organiser: { apiKey: string };
  let needer: string;
  let offerer: string;
  const tag = `Rel${Date.now().toString(36)}`;

  const scoringRun = async (id: string) =>
    (await api.ok<{ scoringRun: Run }>(SCORING_RUN, { id }, admin.apiKey)).scoringRun;
  const lastComputed = async (actorId: string) => {
    const [row] = await worker
      .get(Neo4jService)
      .read<{ at: string | null }>(
        `MATCH (a:Actor { id: $id }) RETURN toString(a.${LIST_STAMP_PROPERTIES.computedAt}) AS at`,
        { id: actorId },
      );
    return row?.at ? Date.parse(row.at) : 0;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    Object.assign(process.env, {
      REDIS_URL: redis.url,
      REDIS_PREFIX: `rel${Date.now().toString(36)}`,
      SWEEPER_INTERVAL_MS: '300',
      SWEEPER_GRACE_MS: '1500',
      WORKER_HEALTH_PORT: '0',
    });
    api = await TestApi.start();
    worker = await TestWorker.start();
    admin = await api.user(Role.ADMIN);
    organiser = await api.user(Role.ORGANISER);
    needer = await api.createActor(
      {
        kind: 'ASSOCIATION',
        name: `${tag} needer`,
        communeCode: '38185',
        causes: [4],
        offers: [skills('communication.events')],
        needs: [{ competenceId: 'digital.website', priority: 3 }],
      },
      organiser.apiKey,
    );
    offerer = await api.createActor(
      {
        kind: 'COMPANY',
        name: `${tag} offerer`,
        communeCode: '38185',
        causes: [4],
        offers: [skills('digital.website')],
        needs: [{ competenceId: 'communication.events', priority: 3 }],
      },
      organiser.apiKey,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.kill();
    restoreEnv();
  });

  it('answers writes within 2 s while Redis is down, keeps them, and rescores once Redis is back', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { name } }`;
    const [, baseline] = await timed(() =>
      api.ok(UPDATE, { id: needer, input: { description: 'baseline' } }, organiser.apiKey),
    );
    measure('updateActor with Redis up (baseline)', baseline);
    await redis.kill();
    const before = Date.now();
    const [updated, ms] = await timed(() =>
      api.gql<{ updateActor: { name: string } }>(
        UPDATE,
        { id: needer, input: { name: `${tag} needer (edited)` } },
        organiser.apiKey,
      ),
    );
    measure('updateActor while Redis is down', ms);
    expect(updated.errors).toBeUndefined();
    expect(ms).toBeLessThan(2000);
    const read = await api.ok<{ actor: { name: string } }>(`query($id: ID!) { actor(id: $id) { name } }`, {
      id: needer,
    });
    expect(read.actor.name).toBe(`${tag} needer (edited)`); // committed

    // A run requested meanwhile is recorded (QUEUED), not refused.
    const [started, runMs] = await timed(() =>
      api.ok<{ startScoringRun: { id: string; status: string } }>(
        `mutation { startScoringRun { id status } }`,
        {},
        admin.apiKey,
      ),
    );
    measure('startScoringRun while Redis is down', runMs);
    expect(runMs).toBeLessThan(2000);
    expect(started.startScoringRun.status).toBe('QUEUED');

    // Readiness says so within 2 s; liveness does not (restarting the API would not help).
    const [ready, readyMs] = await timed(() => fetch(`${api.url}/health/ready`));
    measure('API /health/ready with Redis down', readyMs);
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(2000);
    const body = (await ready.json()) as { error: Record<string, unknown>; info: Record<string, unknown> };
    expect(Object.keys(body.error)).toEqual(['redis']);
    expect(Object.keys(body.info).sort()).toEqual(['neo4j', 'postgresql']);
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const workerPort = worker.get(WorkerHealthServer).port();
    const [workerReady, workerMs] = await timed(() => fetch(`http://127.0.0.1:${workerPort}/health/ready`));
    measure('worker /health/ready with Redis down', workerMs);
    expect(workerReady.status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/live`)).status).toBe(200);

    const db = worker.get(DataSource);
    const deferred = (await db.query('SELECT dedupe_key FROM deferred_jobs WHERE dedupe_key = $1', [
      `score-actor.${needer}`,
    ])) as unknown[];
    expect(deferred).toHaveLength(1);

    await redis.start(); // empty
    const back = Date.now();
    await until('the deferred rescore ran', async () => (await lastComputed(needer)) >= before, 30_000);
    measure('Redis back -> deferred rescore done', Date.now() - back);
    const run = await eventually(
      () => scoringRun(started.startScoringRun.id),
      (r) => finished(r.status),
      30_000,
    );
    measure('Redis back -> run requested during the outage SUCCEEDED', Date.now() - back);
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(await db.query('SELECT 1 FROM deferred_jobs')).toHaveLength(0);
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
  });

  it('finishes a scoring rebuild whose jobs Redis lost mid-run (restarted empty), with the same result', async () => {
    const jobs = worker.get(JobsService);
    await jobs.queue(QueueName.SCORING).pause(); // hold the chunks in Redis, then lose them
    const started = await api.ok<{ startScoringRun: { id: string } }>(
      `mutation { startScoringRun { id } }`,
      {},
      admin.apiKey,
    );
    const runId = started.startScoringRun.id;
    await worker.get(ScoringRunsService).plan(runId); // what the rebuild job does: RUNNING, chunks queued
    expect((await scoringRun(runId)).status).toBe('RUNNING');
    await redis.restartEmpty();
    const t = Date.now();
    const run = await eventually(
      () => scoringRun(runId),
      (r) => finished(r.status),
      45_000,
    );
    measure('Redis emptied mid-rebuild -> run SUCCEEDED (sweeper)', Date.now() - t);
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(run.counts!.chunksDone).toBe(run.counts!.chunks);

    // Duplicate delivery of every scoring job kind is harmless: same run, same counts, same edges.
    const edges = async () =>
      worker
        .get(Neo4jService)
        .read<{ b: string; score: number }>(
          `MATCH (:Actor { id: $id })-[e:COMPLEMENTS]->(b) RETURN b.id AS b, ${edgeV('e').score} AS score ORDER BY b`,
          { id: needer },
        );
    const edgesBefore = await edges();
    const runner = worker.get(JobWorkerService);
    await runner.process(delivery(JobName.SCORING_REBUILD, { runId }));
    await runner.process(delivery(JobName.SCORING_CHUNK, { runId, chunk: 0 }));
    await runner.process(delivery(JobName.SCORE_ACTOR, { actorId: needer }));
    await runner.process(delivery(JobName.SCORE_ACTOR, { actorId: needer }));
    expect(await scoringRun(runId)).toEqual(run);
    expect(await edges()).toEqual(edgesBefore);
    expect(edgesBefore.map((e) => e.b)).toContain(offerer);
  });

  it('finishes a schedule generation whose job Redis lost (restarted empty); a duplicate changes nothing', async () => {
    const ids = [needer, offerer];
    for (let i = 0; i < 4; i++)
      ids.push(
        await api.createActor(
          {
            kind: i % 2 ? 'COMPANY' : 'ASSOCIATION',
            name: `${tag} participant ${i}`,
            communeCode: '38185',
            offers: [skills(i % 2 ? 'digital.website' : 'communication.events')],
            needs: [{ competenceId: i % 2 ? 'communication.events' : 'digital.website', priority: 3 }],
          },
          organiser.apiKey,
        ),
      );
    const event = await api.ok<{ createEvent: { id: string } }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: `${tag} event`,
          startsAt: '2026-03-10T08:00:00.000Z',
          venue: 'Grenoble',
          format: 'ONE_TO_ONE',
          rounds: 3,
          roundMinutes: 7,
        },
      },
      organiser.apiKey,
    );
    const eventId = event.createEvent.id;
    await api.ok(`mutation($e: ID!) { openEvent(eventId: $e) { status } }`, { e: eventId }, organiser.apiKey);
    for (const actorId of ids)
      await api.ok(
        `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
        { input: { eventId, actorId } },
        organiser.apiKey,
      );

    await worker.get(JobsService).queue(QueueName.SCHEDULING).pause();
    const started = await api.ok<{ generateSchedule: { id: string; status: string } }>(
      `mutation($e: ID!) { generateSchedule(eventId: $e) { id status } }`,
      { e: eventId },
      organiser.apiKey,
    );
    expect(started.generateSchedule.status).toBe('QUEUED');
    await redis.restartEmpty();
    const t = Date.now();
    const RUN = `query($id: ID!) { scheduleRun(id: $id) { status error scheduleId } }`;
    const run = await eventually(
      () =>
        api.ok<{ scheduleRun: Run & { scheduleId: string } }>(
          RUN,
          { id: started.generateSchedule.id },
          organiser.apiKey,
        ),
      (r) => finished(r.scheduleRun.status),
      45_000,
    );
    measure('Redis emptied before a generation ran -> run SUCCEEDED (sweeper)', Date.now() - t);
    expect(run.scheduleRun).toMatchObject({ status: 'SUCCEEDED', error: null });

    const version = async () =>
      (
        await api.ok<{ schedule: { id: string; version: number } }>(
          `query($e: ID!) { schedule(eventId: $e) { id version } }`,
          { e: eventId },
          organiser.apiKey,
        )
      ).schedule;
    const current = await version();
    await worker
      .get(JobWorkerService)
      .process(delivery(JobName.GENERATE_SCHEDULE, { runId: started.generateSchedule.id, eventId }));
    expect(await version()).toEqual(current);
    expect(current.id).toBe(run.scheduleRun.scheduleId);
  });

  it('answers writes within a bound while Redis hangs (SIGSTOP), and catches up once it answers', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { description } }`;
    const edited = Date.now();
    redis.pause();
    try {
      const [res, ms] = await timed(() =>
        api.gql<{ updateActor: { description: string } }>(
          UPDATE,
          { id: offerer, input: { description: 'written while Redis hung' } },
          organiser.apiKey,
        ),
      );
      measure('updateActor while Redis hangs (no answer, connections accepted)', ms);
      expect(res.errors).toBeUndefined();
      // Bounded by the rate limiter's 2 × 300 ms and the producer's REDIS_COMMAND_TIMEOUT_MS (2 s, plus
      // 0.5 s for the whole enqueue), plus the write itself (~2 s alone on the loaded test machine).
      expect(ms).toBeLessThan(7000);
      const [ready, readyMs] = await timed(() => fetch(`${api.url}/health/ready`));
      measure('API /health/ready while Redis hangs', readyMs);
      expect(ready.status).toBe(503);
      expect(readyMs).toBeLessThan(2000);
    } finally {
      redis.resume();
    }
    const back = Date.now();
    await until('the rescore of the edit ran', async () => (await lastComputed(offerer)) >= edited, 30_000);
    measure('Redis answers again -> rescore done', Date.now() - back);
  });

  it('finishes a CSV import whose job Redis lost (restarted empty); a duplicate delivery changes nothing', async () => {
    const START = `mutation($csv: String!) { startActorsCsvImport(csv: $csv) { id status } }`;
    const RUN = `query($id: ID!) { importRun(id: $id) { status failure totalRows created updated unchanged rejected } }`;
    const csv = [
      'external_id,name,kind,commune,offers,causes',
      ...Array.from({ length: 30 }, (_, i) => `${tag}-imp-${i},${tag} imported ${i},ASSOCIATION,38185,,2|11`),
    ].join('\n');
    const imported = async () =>
      (
        await worker
          .get(Neo4jService)
          .read<{ n: number }>('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p RETURN count(a) AS n', {
            p: `${tag}-imp-`,
          })
      )[0].n;
    await worker.get(JobsService).queue(QueueName.IMPORT).pause();
    const started = await api.ok<{ startActorsCsvImport: { id: string; status: string } }>(
      START,
      { csv },
      organiser.apiKey,
    );
    const runId = started.startActorsCsvImport.id;
    expect(started.startActorsCsvImport.status).toBe('QUEUED');
    await redis.restartEmpty(); // the queued import job and the paused state are gone
    const t = Date.now();
    const run = await eventually(
      () => api.ok<{ importRun: Run & Record<string, number> }>(RUN, { id: runId }, organiser.apiKey),
      (r) => finished(r.importRun.status),
      45_000,
    );
    measure('Redis emptied before an import ran -> run SUCCEEDED (sweeper)', Date.now() - t);
    expect(run.importRun).toMatchObject({ status: 'SUCCEEDED', totalRows: 30, created: 30, rejected: 0 });
    expect(await imported()).toBe(30);

    // Delivered again (at-least-once), even twice at once: the run and the graph stay as they are.
    const runner = worker.get(JobWorkerService);
    await Promise.all([
      runner.process(delivery(JobName.IMPORT_ACTORS_CSV, { runId })),
      runner.process(delivery(JobName.IMPORT_ACTORS_CSV, { runId })),
    ]);
    expect((await api.ok<{ importRun: unknown }>(RUN, { id: runId }, organiser.apiKey)).importRun).toEqual(
      run.importRun,
    );
    expect(await imported()).toBe(30);
  });

  it('relays an alliance once however often the relay job is delivered, even concurrently', async () => {
    const payload = {
      eventId: '00000000-0000-4000-8000-00000000dup1',
      meetingId: 'dup-meeting',
      a: offerer,
      b: needer,
      form: AllianceForm.CO_PRODUCTION,
      since: '2024-05-14',
    };
    // Paused, the in-process worker cannot take the row first: the deliveries below are the only relays
    // (otherwise its relay holds the row's lock while ours skip it, and the check races its commit).
    const outboxQueue = worker.get(JobsService).queue(QueueName.OUTBOX);
    await outboxQueue.pause(); // (a relay already running finishes: pause does not stop it)
    await until('no relay running', async () => (await outboxQueue.getActiveCount()) === 0, 10_000);
    try {
      await worker.get(OutboxService).transaction(async (_m, write) => write(allianceFromEvent(payload)));
      const runner = worker.get(JobWorkerService);
      await Promise.all([1, 2, 3].map(() => runner.process(delivery(JobName.RELAY_OUTBOX, {}))));
      await runner.process(delivery(JobName.RELAY_OUTBOX, {}));
    } finally {
      await outboxQueue.resume();
    }
    const [row] = await worker
      .get(Neo4jService)
      .read<{ n: number }>(
        `MATCH (:Actor { id: $a })-[r:ALLIED_WITH { form: 'CO_PRODUCTION' }]-(:Actor { id: $b }) RETURN count(r) AS n`,
        { a: offerer, b: needer },
      );
    expect(row.n).toBe(1);
    const db = worker.get(DataSource);
    const rows = (await db.query(`SELECT processed_at FROM outbox WHERE payload->>'eventId' = $1`, [
      payload.eventId,
    ])) as { processed_at: Date | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].processed_at).not.toBeNull();
  });

  it('dead-letters an outbox row its handler keeps rejecting without blocking the others; replays never revive an ended alliance', async () => {
    const db = worker.get(DataSource);
    const relay = worker.get(OutboxRelayJob);
    const insert = async (key: string, payload: object) =>
      (
        (await db.query(
          `INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb) RETURNING id`,
          [ALLIANCE_FROM_EVENT, `${tag}.${key}`, JSON.stringify(payload)],
        )) as { id: string }[]
      )[0].id;
    const base = { eventId: '00000000-0000-4000-8000-000000000000', meetingId: 'm', a: needer, b: offerer };
    // Inserted first, so it is the first row every relay takes.
    const bad = await insert('bad', { ...base, form: 'POOLING', since: 'not-a-date' });
    const good = await insert('good', { ...base, form: 'RESOURCES', since: '2020-01-10' });
    const row = async (id: string) =>
      (
        (await db.query('SELECT processed_at, dead_at, attempts FROM outbox WHERE id = $1', [id])) as {
          processed_at: Date | null;
          dead_at: Date | null;
          attempts: number;
        }[]
      )[0];
    await relay.relay().catch(() => undefined);
    expect((await row(good)).processed_at).not.toBeNull(); // not blocked by the bad row ahead of it
    await until(
      'the bad row is dead-lettered',
      async () => {
        await relay.relay().catch(() => undefined);
        return (await row(bad)).dead_at !== null;
      },
      30_000,
    );
    expect((await row(bad)).attempts).toBeGreaterThanOrEqual(OUTBOX_MAX_ATTEMPTS);
    await expect(relay.relay()).resolves.toBeDefined(); // nothing relayable left behind it

    // The alliance recorded from the event is ended by its editor; a replay of the fact keeps it ended.
    const ALLIANCES = `query($id: ID!) { actor(id: $id) { alliances { partner { id } form active } } }`;
    const resources = async () =>
      (
        await api.ok<{ actor: { alliances: { partner: { id: string }; form: string; active: boolean }[] } }>(
          ALLIANCES,
          { id: needer },
          organiser.apiKey,
        )
      ).actor.alliances
        .filter((a) => a.partner.id === offerer && a.form === 'RESOURCES')
        .map((a) => a.active);
    expect(await resources()).toEqual([true]);
    await api.ok(
      `mutation($input: EndAllianceInput!) { endAlliance(input: $input) { id } }`,
      { input: { actorId: needer, partnerId: offerer, form: 'RESOURCES' } },
      admin.apiKey,
    );
    expect(await resources()).toEqual([false]);
    await db.query('UPDATE outbox SET processed_at = NULL WHERE id = $1', [good]); // a replay
    await relay.relay();
    expect((await row(good)).processed_at).not.toBeNull();
    expect(await resources()).toEqual([false]);
    await db.query('DELETE FROM outbox WHERE id = ANY($1::uuid[])', [[bad, good]]);
  });
});

describe('reliability: Neo4j stopped (e2e, own Neo4j)', () => {
  let neo4j: Neo4jServer;
  let api: TestApi;
  let worker: TestWorker;
  const QUERY = `{ actors(first: 1) { edges { node { id } } } }`;

  beforeAll(async () => {
    neo4j = await Neo4jServer.start();
    Object.assign(process.env, {
      NEO4J_URI: neo4j.uri,
      REDIS_PREFIX: `reln${Date.now().toString(36)}`,
      SWEEPER_INTERVAL_MS: '300',
      SWEEPER_GRACE_MS: '1500',
    });
    api = await TestApi.start();
    worker = await TestWorker.start();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await neo4j?.stop();
    restoreEnv();
  }, 60_000);

  // Each test restarts Neo4j (its own start: ~7 s on a quiet machine, over a minute on a loaded one).
  it('answers SERVICE_UNAVAILABLE within a few seconds, reports it within 2 s, and recovers by itself', async () => {
    expect((await api.gql(QUERY)).errors).toBeUndefined();
    await neo4j.stop();

    const [down, ms] = await timed(() => api.gql(QUERY));
    measure('GraphQL query with Neo4j down', ms);
    expect(down.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+/);
    expect(ms).toBeLessThan(6000);
    const [again, ms2] = await timed(() => api.gql(QUERY));
    measure('second GraphQL query with Neo4j down', ms2);
    expect(again.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

    const [ready, readyMs] = await timed(() => fetch(`${api.url}/health/ready`));
    measure('API /health/ready with Neo4j down', readyMs);
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(2000);
    const body = (await ready.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error)).toEqual(['neo4j']);

    await neo4j.start();
    const back = Date.now();
    await until('queries work again', async () => (await api.gql(QUERY)).errors === undefined, 30_000);
    measure('Neo4j back -> first successful query', Date.now() - back);
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
  }, 150_000);

  it('keeps an alliance recorded while Neo4j is down in the outbox, and relays it once when Neo4j is back', async () => {
    const graph = worker.get(Neo4jService);
    const [a, b] = [`act_rel_${Date.now().toString(36)}a`, `act_rel_${Date.now().toString(36)}b`];
    await graph.write(`UNWIND $ids AS id CREATE (:Actor { id: id, name: id, visibility: 'PUBLIC' })`, {
      ids: [a, b],
    });
    const alliances = async () =>
      (
        await graph.read<{ n: number }>(
          `MATCH (:Actor { id: $a })-[r:ALLIED_WITH]-(:Actor { id: $b }) RETURN count(r) AS n`,
          { a, b },
        )
      )[0].n;
    await neo4j.stop();

    // What recordOutcomeSurvey writes when a pair reports an agreement: a PostgreSQL row and an
    // outbox message in one transaction, the relay enqueued after commit.
    const payload = {
      eventId: '00000000-0000-4000-8000-0000000neo4j',
      meetingId: 'neo4j-down',
      a,
      b,
      form: AllianceForm.POSITIONING,
      since: '2025-06-02',
    };
    const [, ms] = await timed(() =>
      api.app.get(OutboxService).transaction(async (_m, write) => write(allianceFromEvent(payload))),
    );
    measure('alliance recorded (outbox write) with Neo4j down', ms);
    expect(ms).toBeLessThan(2000);
    const db = worker.get(DataSource);
    const row = async () =>
      (
        (await db.query(`SELECT processed_at, dead_at, attempts FROM outbox WHERE payload->>'eventId' = $1`, [
          payload.eventId,
        ])) as { processed_at: Date | null; dead_at: Date | null; attempts: number }[]
      )[0];
    // The relay keeps failing meanwhile (its retries and the sweeper's wake-ups): the row stays
    // pending, never dead-lettered, however many attempts the outage costs.
    await until('two relay attempts failed', async () => (await row()).attempts >= 2, 30_000);
    expect(await row()).toMatchObject({ processed_at: null, dead_at: null });

    await neo4j.start();
    const back = Date.now();
    await until('the alliance reached the graph', async () => (await row()).processed_at !== null, 45_000);
    measure('Neo4j back -> alliance relayed from the outbox', Date.now() - back);
    expect(await alliances()).toBe(1);
    expect((await row()).dead_at).toBeNull();
    // Later sweeps and relays leave it as it is.
    await worker.get(OutboxRelayJob).relay();
    expect(await alliances()).toBe(1);
  }, 150_000);
});
