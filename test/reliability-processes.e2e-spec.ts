import { ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { JobsService, QueueName } from '@maillage/jobs';
import { Neo4jService } from '@maillage/neo4j';
import {
  deleteActorsByExternalIdPrefix,
  demoTerritoryOptions,
  generateActors,
  loadActorsIntoGraph,
} from '@maillage/synthetic';
import { TestApi, eventually, finished } from './support/api';
import { freePort, until } from './support/faults';

/**
 * A worker process killed with SIGKILL in the middle of a scoring chunk, while a second worker
 * process runs (issue 10): the run still succeeds, each chunk counted once, and the stored edges
 * and scores are exactly those of an uninterrupted run of the same scope. The workers are the
 * built worker (dist/apps/worker), as `npm start` runs it; the API runs in-process.
 */
const WORKER_MAIN = path.resolve(__dirname, '../dist/apps/worker/src/main.js');
const figures: string[] = [];

type Run = {
  status: string;
  error: string | null;
  totalActors: number;
  doneActors: number;
  counts: { chunks: number; chunksDone: number; actors: number; edges: number };
};
const RUN = `query($id: ID!) { scoringRun(id: $id) { status error totalActors doneActors counts { actors edges chunks chunksDone } } }`;

class WorkerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly healthPort: number,
  ) {}

  /** BullMQ stores this name on each job a worker takes (JobWorkerService: host.pid). */
  get name(): string {
    return `${hostname()}.${this.child.pid}`;
  }

  static async start(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
    const healthPort = await freePort();
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { ...env, WORKER_HEALTH_PORT: String(healthPort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const worker = new WorkerProcess(child, healthPort);
    await until(
      'worker process ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
        return fetch(`http://127.0.0.1:${healthPort}/health/live`).then(
          (r) => r.ok,
          () => false,
        );
      },
      60_000,
    );
    return worker;
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

describe('reliability: worker SIGKILL mid-chunk with a second worker (e2e, two worker processes)', () => {
  const tag = `kill${Date.now().toString(36)}`;
  const prefix = `${tag}-`;
  const saved = process.env.REDIS_PREFIX;
  let api: TestApi;
  let admin: { apiKey: string };
  let workers: WorkerProcess[] = [];

  const childEnv = (): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: '1',
    SCORING_CHUNK_SIZE: '75',
    // The killed worker's job is handed over once its lock expires: 2 s instead of BullMQ's 30 s.
    JOB_LOCK_MS: '2000',
    SWEEPER_INTERVAL_MS: '500',
    SWEEPER_GRACE_MS: '5000',
  });

  const scoringRun = async (id: string) =>
    (await api.ok<{ scoringRun: Run }>(RUN, { id }, admin.apiKey)).scoringRun;
  const rebuild = async () =>
    (
      await api.ok<{ startScoringRun: { id: string } }>(
        `mutation { startScoringRun(scope: { territory: "01" }) { id } }`,
        {},
        admin.apiKey,
      )
    ).startScoringRun.id;
  const waitFor = (id: string) =>
    eventually(
      () => scoringRun(id),
      (r) => finished(r.status),
      60_000,
    );
  /** Every stored edge of this suite's actors: rank, best form and every value (the list's stamp aside). */
  const edges = () =>
    api.app.get(Neo4jService).read<{ a: string; b: string; rank: number; form: string; v: number[] }>(
      `MATCH (a:Actor)-[e:COMPLEMENTS]->(b:Actor) WHERE a.externalId STARTS WITH $prefix
         RETURN a.id AS a, b.id AS b, e.rank AS rank, e.form AS form, e.v AS v
         ORDER BY a, b`,
      { prefix },
    );

  beforeAll(async () => {
    process.env.REDIS_PREFIX = tag;
    api = await TestApi.start();
    admin = await api.user(Role.ADMIN);
    // 600 actors in the Ain (01), removed afterwards: eight chunks of 75. The Ain is seeded for
    // this suite alone: another suite's actors or profile in the same territory would change the
    // rarity and weights between the two rebuilds, and so the scores compared below.
    const actors = generateActors(
      demoTerritoryOptions({ departements: ['01'], count: 600, idPrefix: tag, seed: 1010 }),
    );
    await loadActorsIntoGraph(api.app.get(Neo4jService), actors, { source: 'synthetic' });
    workers = await Promise.all([WorkerProcess.start(childEnv()), WorkerProcess.start(childEnv())]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    if (api) await deleteActorsByExternalIdPrefix(api.app.get(Neo4jService), prefix);
    await api?.close();
    if (saved === undefined) delete process.env.REDIS_PREFIX;
    else process.env.REDIS_PREFIX = saved;
    process.stdout.write(`\n[reliability: processes] measured:\n  ${figures.join('\n  ')}\n`);
  }, 60_000);

  it('completes the run with the same edges and scores as an uninterrupted run', async () => {
    const t0 = Date.now();
    const first = await waitFor(await rebuild());
    figures.push(`uninterrupted rebuild (2 workers, ${first.counts.chunks} chunks): ${Date.now() - t0} ms`);
    expect(first).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(first.counts.chunks).toBeGreaterThanOrEqual(8);
    const reference = await edges();
    expect(reference.length).toBeGreaterThan(500);

    const runId = await rebuild();
    const queue = api.app.get(JobsService).queue(QueueName.SCORING);
    // Wait for a chunk of this run to be active on one of the workers, then kill that worker.
    let victim: WorkerProcess | undefined;
    let chunk = -1;
    await until(
      'a chunk is active',
      async () => {
        for (const job of await queue.getJobs(['active'])) {
          const data = job.data as { runId?: string; chunk?: number };
          victim = workers.find((w) => w.name === job.processedBy);
          if (job.name === 'scoring-chunk' && data.runId === runId && victim) {
            chunk = data.chunk!;
            return true;
          }
        }
        return false;
      },
      30_000,
    );
    await victim!.kill('SIGKILL');
    const killedAt = Date.now();
    // The chunk was cut short: nothing marked it complete (its worker is gone).
    const db = api.app.get(DataSource);
    const [row] = (await db.query(
      'SELECT completed_at FROM scoring_chunks WHERE run_id = $1 AND chunk = $2',
      [runId, chunk],
    )) as { completed_at: Date | null }[];
    expect(row.completed_at).toBeNull();

    const second = await waitFor(runId);
    figures.push(
      `worker SIGKILLed mid-chunk ${chunk} -> run SUCCEEDED on the other worker: ${Date.now() - killedAt} ms`,
    );
    expect(second).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(second.counts.chunksDone).toBe(second.counts.chunks);
    expect(second.doneActors).toBe(second.totalActors); // each chunk counted once
    expect(second.counts.actors).toBe(first.counts.actors);
    const after = await edges();
    expect(after).toEqual(reference); // same pairs, same scores
    const pairs = after.map((e) => `${e.a}>${e.b}`);
    expect(new Set(pairs).size).toBe(pairs.length); // no duplicate edge
  });
});
