/**
 * `npm run bench:soak`: the API and one worker as `npm start` runs them (built processes, JSON logs
 * at info), on throwaway stores with the demo territory (Isère, 400 actors, scored first), then
 * SOAK_CLIENTS clients (32) for SOAK_SECONDS (300) sending a mixed, realistic load: partner lists,
 * actor reads and lists, pair explanations, events, and now and then an actor edit (which queues a
 * rescore for the worker). Reports errors, p50/p99 per operation, the latency of the first fifth
 * of the window against the last (the in-run baseline: a soak must not slow down), and the memory of
 * both processes read from their /metrics. Last line: one JSON object.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../../libs/domain/src';
import { Checks, runMain } from '../support/checks';

const ROOT = path.resolve(__dirname, '../../..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 32);
const WARMUP_SECONDS = Math.min(20, Math.max(5, Math.round(SECONDS / 10)));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url: string, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(300);
  }
  throw new Error(`${what} not ready at ${url} within ${timeoutMs / 1000} s`);
}

/** Warnings and errors the processes logged (their JSON lines at warn and above), by message. */
const logged: Record<string, number> = {};

function start(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Logs are written at info, as in production; the bench reads them to count warnings and errors.
  const child = spawn(process.execPath, [path.join(ROOT, script)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"level":"warn"') && !line.includes('"level":"error"')) continue;
      try {
        const entry = JSON.parse(line) as { level: string; msg?: string; context?: string };
        const key = `${name} ${entry.level} ${entry.context ?? ''}: ${(entry.msg ?? '').replace(/[0-9a-f-]{36}|act_\w+/g, '…')}`;
        logged[key] = (logged[key] ?? 0) + 1;
      } catch {
        // not a JSON line
      }
    }
  });
  child.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`[soak] ${name} stopped (${signal ?? code})\n`);
  });
  return child;
}
let stopping = false;

interface Memory {
  rssMb: number;
  heapMb: number;
}

async function memoryOf(url: string, token: string): Promise<Memory> {
  const text = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return {
    rssMb: mb(value('maillage_process_resident_memory_bytes')),
    heapMb: mb(value('maillage_nodejs_heap_size_used_bytes')),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const round = (x: number) => Math.round(x * 10) / 10;

export async function main(): Promise<Checks> {
  const checks = new Checks();
  const [port, healthPort] = [await freePort(), await freePort()];
  const token = randomBytes(24).toString('base64url');
  const adminKey = readFileSync(process.env.SOAK_ADMIN_KEY_FILE!, 'utf8').trim();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKER_HEALTH_PORT: String(healthPort),
    METRICS_TOKEN: token,
    LOG_LEVEL: 'info',
    // One client address for all 32 clients: the per-IP and per-key limits would refuse most.
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_KEY: '100000000',
  };
  const api = start('api', 'dist/apps/api/src/main.js', env);
  const worker = start('worker', 'dist/apps/worker/src/main.js', env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await Promise.all([
      waitReady(`${base}/health/ready`, 'API'),
      waitReady(`http://127.0.0.1:${healthPort}/health/ready`, 'worker'),
    ]);
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
      return { status: res.status, ...body };
    };

    // Partners come from a scoring run: rebuild the demo territory first.
    const run = await gql<{ startScoringRun: { id: string } }>(`mutation { startScoringRun { id } }`);
    const runId = run.data!.startScoringRun.id;
    for (let status = ''; status !== 'SUCCEEDED'; await sleep(500)) {
      const r = await gql<{ scoringRun: { status: string; error: string | null } }>(
        `query($id: ID!) { scoringRun(id: $id) { status error } }`,
        { id: runId },
      );
      status = r.data!.scoringRun.status;
      if (status === 'FAILED') throw new Error(`scoring run failed: ${r.data!.scoringRun.error}`);
    }
    const ids: string[] = [];
    for (let after: string | null = null; ids.length < 400;) {
      const page: Awaited<
        ReturnType<
          typeof gql<{
            actors: {
              edges: { node: { id: string } }[];
              pageInfo: { endCursor: string | null; hasNextPage: boolean };
            };
          }>
        >
      > = await gql(
        `query($after: String) { actors(filter: { territory: "38" }, first: 100, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      ids.push(...page.data!.actors.edges.map((e) => e.node.id));
      if (!page.data!.actors.pageInfo.hasNextPage) break;
      after = page.data!.actors.pageInfo.endCursor;
    }
    checks.check(ids.length >= 100, `demo actors found: ${ids.length}`);
    const event = await gql<{ createEvent: { id: string } }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: 'Soak speed meeting',
          startsAt: '2027-03-10T08:00:00.000Z',
          venue: 'Grenoble',
          format: 'ONE_TO_ONE',
          rounds: 6,
          roundMinutes: 7,
        },
      },
    );
    const eventId = event.data?.createEvent.id;
    checks.check(Boolean(eventId), `event created: ${JSON.stringify(event.errors ?? [])}`);
    if (eventId)
      for (const actorId of ids.slice(0, 24))
        await gql(
          `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
          {
            input: { eventId, actorId },
          },
        );

    const random = mulberry32(20261201);
    const pick = () => ids[Math.floor(random() * ids.length)];
    // The mix: what a lab's console and actors' pages ask most, with an edit now and then.
    const OPERATIONS: {
      name: string;
      weight: number;
      run: () => Promise<{ status: number; errors?: unknown[] }>;
    }[] = [
      {
        name: 'partners',
        weight: 35,
        run: () =>
          gql(
            `query($id: ID!) { partners(actorId: $id, limit: 20) { rank score partner { id name kind } } }`,
            {
              id: pick(),
            },
          ),
      },
      {
        name: 'actor',
        weight: 20,
        run: () =>
          gql(
            `query($id: ID!) { actor(id: $id) { id name kind location { name } offers { competence { label } level } needs { competence { label } priority } causes { sdg } } }`,
            { id: pick() },
          ),
      },
      {
        name: 'actors',
        weight: 10,
        run: () =>
          gql(
            `{ actors(filter: { territory: "38", kinds: [ASSOCIATION] }, first: 20) { edges { node { id name } } } }`,
          ),
      },
      {
        name: 'explainPair',
        weight: 15,
        run: () =>
          gql(
            `query($a: ID!, $b: ID!) { explainPair(a: $a, b: $b) { score components { name contribution } } }`,
            {
              a: pick(),
              b: pick(),
            },
          ),
      },
      {
        name: 'events',
        weight: 8,
        run: () =>
          eventId
            ? gql(
                `query($id: ID!) { events { id title } event(id: $id) { id status } registrations(eventId: $id) { id } }`,
                {
                  id: eventId,
                },
              )
            : gql(`{ events { id title } }`),
      },
      { name: 'me', weight: 7, run: () => gql(`{ me { authenticated user { id role } } }`) },
      {
        name: 'updateActor',
        weight: 5,
        run: () =>
          gql(
            `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }`,
            {
              id: pick(),
              input: { description: `soak edit ${Math.floor(random() * 1e6)}` },
            },
          ),
      },
    ];
    const total = OPERATIONS.reduce((s, o) => s + o.weight, 0);
    const choose = () => {
      let r = random() * total;
      for (const o of OPERATIONS) if ((r -= o.weight) < 0) return o;
      return OPERATIONS[0];
    };

    type Sample = { op: string; ms: number; at: number; error: string | null };
    const samples: Sample[] = [];
    let phase: 'warmup' | 'measure' | 'done' = 'warmup';
    const client = async () => {
      while (phase !== 'done') {
        const o = choose();
        const t = performance.now();
        let error: string | null = null;
        try {
          const res = await o.run();
          if (res.status !== 200) error = `HTTP ${res.status}`;
          else if (res.errors?.length)
            error = String((res.errors[0] as { extensions?: { code?: string } }).extensions?.code ?? 'ERROR');
        } catch (err) {
          error = (err as Error).name;
        }
        if (phase === 'measure')
          samples.push({ op: o.name, ms: performance.now() - t, at: Date.now(), error });
      }
    };
    const loadStart = loadavg()[0];
    const clients = Array.from({ length: CLIENTS }, client);
    await sleep(WARMUP_SECONDS * 1000);
    const memory = async () => ({
      api: await memoryOf(`${base}/metrics`, token),
      worker: await memoryOf(`http://127.0.0.1:${healthPort}/metrics`, token),
    });
    // Heap floors: the lowest heap of a few samples approximates the live heap after a GC.
    const floor = (ms: Awaited<ReturnType<typeof memory>>[]) => ({
      api: {
        rssMb: Math.min(...ms.map((m) => m.api.rssMb)),
        heapMb: Math.min(...ms.map((m) => m.api.heapMb)),
      },
      worker: {
        rssMb: Math.min(...ms.map((m) => m.worker.rssMb)),
        heapMb: Math.min(...ms.map((m) => m.worker.heapMb)),
      },
    });
    const startSamples: Awaited<ReturnType<typeof memory>>[] = [];
    phase = 'measure';
    const measureStart = Date.now();
    for (let i = 0; i < 3; i++) {
      startSamples.push(await memory());
      await sleep(1000);
    }
    const during: Awaited<ReturnType<typeof memory>>[] = [];
    while (Date.now() - measureStart < SECONDS * 1000 - 4000) {
      await sleep(Math.min(10_000, Math.max(0, SECONDS * 1000 - 4000 - (Date.now() - measureStart))));
      during.push(await memory());
    }
    const endSamples = during.slice(-3);
    phase = 'done';
    await Promise.all(clients);
    const wall = (Date.now() - measureStart) / 1000;

    const started = floor(startSamples);
    const ended = floor(endSamples.length ? endSamples : [await memory()]);
    const growth = (a: number, b: number) => round(((b - a) / a) * 100);
    const memoryReport = (['api', 'worker'] as const).map((p) => ({
      process: p,
      rssStartMb: started[p].rssMb,
      rssEndMb: ended[p].rssMb,
      rssGrowthPct: growth(started[p].rssMb, ended[p].rssMb),
      heapStartMb: started[p].heapMb,
      heapEndMb: ended[p].heapMb,
      heapGrowthPct: growth(started[p].heapMb, ended[p].heapMb),
      rssPeakMb: Math.max(...during.map((m) => m[p].rssMb), started[p].rssMb),
    }));

    const fifth = (wall * 1000) / 5;
    const operations = OPERATIONS.map((o) => {
      const mine = samples.filter((s) => s.op === o.name);
      const times = mine.map((s) => s.ms).sort((a, b) => a - b);
      const first = mine
        .filter((s) => s.at - measureStart < fifth)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const last = mine
        .filter((s) => s.at - measureStart >= 4 * fifth)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return {
        operation: o.name,
        requests: mine.length,
        errors: mine.filter((s) => s.error).length,
        p50Ms: round(percentile(times, 50)),
        p99Ms: round(percentile(times, 99)),
        firstFifthP99Ms: round(percentile(first, 99)),
        lastFifthP99Ms: round(percentile(last, 99)),
      };
    });
    const errors = samples.filter((s) => s.error);
    const errorKinds: Record<string, number> = {};
    for (const e of errors) errorKinds[`${e.op}:${e.error}`] = (errorKinds[`${e.op}:${e.error}`] ?? 0) + 1;
    for (const o of operations)
      console.log(
        `${o.operation.padEnd(12)} ${String(o.requests).padStart(7)} req  ${String(o.errors).padStart(4)} err  p50 ${o.p50Ms} ms  p99 ${o.p99Ms} ms  (p99 first fifth ${o.firstFifthP99Ms} ms, last fifth ${o.lastFifthP99Ms} ms)`,
      );
    for (const m of memoryReport)
      console.log(
        `${m.process.padEnd(7)} RSS ${m.rssStartMb} → ${m.rssEndMb} MB (${m.rssGrowthPct} %), heap ${m.heapStartMb} → ${m.heapEndMb} MB (${m.heapGrowthPct} %), peak RSS ${m.rssPeakMb} MB`,
      );
    for (const [line, n] of Object.entries(logged)) console.log(`logged ${n}× ${line}`);
    checks.check(errors.length === 0, `errors: ${errors.length} ${JSON.stringify(errorKinds)}`);
    const memoryTargetMet = memoryReport.every((m) => m.rssGrowthPct < 10 && m.heapGrowthPct < 10);
    console.log(
      JSON.stringify({
        bench: 'soak',
        clients: CLIENTS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        actors: ids.length,
        requests: samples.length,
        requestsPerSecond: round(samples.length / wall),
        errors: errors.length,
        errorKinds,
        loggedWarningsAndErrors: Object.values(logged).reduce((a, b) => a + b, 0),
        operations,
        memory: memoryReport,
        memoryTargetMet,
        loadAverage: { start: round(loadStart), end: round(loadavg()[0]) },
        cpus: cpus().length,
      }),
    );
    return checks;
  } finally {
    stopping = true;
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    await Promise.all(
      [api, worker].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
  }
}

runMain(main);
