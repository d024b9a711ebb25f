import { Role } from '@maillage/auth';
import { WorkerHealthServer } from '@maillage/health';
import { TestApi, TestWorker, eventually, finished } from './support/api';

/**
 * Operator surfaces (issue 10): Prometheus metrics on the API (METRICS_TOKEN or an admin key) and
 * on the worker's health port, the read-only Bull Board for admins, and request ids.
 */
const METRICS_TOKEN = 'metrics-token-for-the-e2e-suite';

describe('operations: metrics, queue dashboard, request ids (e2e)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let admin: { apiKey: string };
  let viewer: { apiKey: string };
  const saved = {
    METRICS_TOKEN: process.env.METRICS_TOKEN,
    WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT,
  };

  const get = (path: string, credential?: string) =>
    fetch(`${api.url}${path}`, { headers: credential ? { authorization: `Bearer ${credential}` } : {} });

  beforeAll(async () => {
    Object.assign(process.env, { METRICS_TOKEN, WORKER_HEALTH_PORT: '0' });
    api = await TestApi.start();
    worker = await TestWorker.start();
    admin = await api.user(Role.ADMIN);
    viewer = await api.user(Role.VIEWER);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('serves /metrics to the scraper token and to admins only, with GraphQL latency by operation and outcome', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', viewer.apiKey)).status).toBe(403);
    expect((await get('/metrics', 'not-the-token-at-all-1234')).status).toBe(403);

    await api.gql(`{ actors(first: 1) { edges { node { id } } } }`, {}, viewer.apiKey);
    await api.gql(
      `query Named { actor(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      {},
      viewer.apiKey,
    );
    expect((await api.gql(`{ nope }`)).status).toBe(400);

    for (const credential of [METRICS_TOKEN, admin.apiKey]) {
      const res = await get('/metrics', credential);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    const body = await (await get('/metrics', METRICS_TOKEN)).text();
    expect(body).toMatch(
      /maillage_graphql_request_duration_seconds_count\{operation="query:actors",outcome="ok"\} \d+/,
    );
    expect(body).toMatch(
      /maillage_graphql_request_duration_seconds_count\{operation="query:actor",outcome="NOT_FOUND"\}/,
    );
    expect(body).toMatch(
      /maillage_graphql_request_duration_seconds_count\{operation="unparsed",outcome="BAD_USER_INPUT"\}/,
    );
    for (const queue of ['scoring', 'import', 'scheduling', 'outbox'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(body).toMatch(new RegExp(`maillage_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+`));
    expect(body).toMatch(/maillage_outbox_rows\{state="pending"\} \d+/);
    expect(body).toMatch(/maillage_outbox_rows\{state="dead"\} \d+/);
    expect(body).toMatch(/maillage_process_resident_memory_bytes \d+/);
  });

  it("counts job durations by job name on the worker's health port", async () => {
    const started = await api.ok<{ startScoringRun: { id: string } }>(
      `mutation { startScoringRun { id } }`,
      {},
      admin.apiKey,
    );
    const run = await eventually(
      () =>
        api.ok<{ scoringRun: { status: string } }>(
          `query($id: ID!) { scoringRun(id: $id) { status } }`,
          { id: started.startScoringRun.id },
          admin.apiKey,
        ),
      (r) => finished(r.scoringRun.status),
      60_000,
    );
    expect(run.scoringRun.status).toBe('SUCCEEDED');
    const port = worker.get(WorkerHealthServer).port();
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401); // METRICS_TOKEN is set
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(
      /maillage_job_duration_seconds_count\{job="scoring-rebuild",queue="scoring",outcome="completed"\} [1-9]/,
    );
  });

  it('opens the read-only queue dashboard to admins only', async () => {
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues', viewer.apiKey)).status).toBe(403);
    expect((await get('/admin/queues/api/queues', viewer.apiKey)).status).toBe(403);
    const page = await get('/admin/queues', admin.apiKey);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const res = await get('/admin/queues/api/queues', admin.apiKey);
    expect(res.status).toBe(200);
    const { queues } = (await res.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(queues.map((q) => q.name).sort()).toEqual(['import', 'outbox', 'scheduling', 'scoring']);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    const retry = await fetch(`${api.url}/admin/queues/api/queues/scoring/retry/failed`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.apiKey}` },
    });
    expect(retry.status).toBeGreaterThanOrEqual(400); // read-only: no actions, even for admins
  });

  it('gives every request an id, keeping a well-formed one the client sent', async () => {
    const own = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'client-req-0001' } });
    expect(own.headers.get('x-request-id')).toBe('client-req-0001');
    const odd = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'a b\u00e9' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
