/**
 * Closed-loop GraphQL load on a thread of its own: `clients` concurrent callers, each sending its
 * next request as soon as the previous answer is read. The callers' fetch and JSON parsing run on
 * this worker thread, not on the event loop of the API being measured (as real clients would).
 * Every answer is checked: a GraphQL error fails the run instead of counting as a fast reply.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface GraphqlLoad {
  url: string;
  query: string;
  /** Variables of request i (cycled through in order). */
  variables: Record<string, unknown>[];
  clients: number;
  requests: number;
  /** Sequential requests sent first (query plans, JIT), not measured. */
  warmUp: number;
}

export interface GraphqlLoadResult {
  /** Each measured request's latency in ms, sorted. */
  times: number[];
  wallSeconds: number;
}

async function call(load: GraphqlLoad, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const res = await fetch(load.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: load.query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (!res.ok || body.errors)
    throw new Error(`request failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return performance.now() - started;
}

async function run(load: GraphqlLoad): Promise<GraphqlLoadResult> {
  const vars = (i: number) => load.variables[i % load.variables.length];
  for (let i = 0; i < load.warmUp; i++) await call(load, vars(i));
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.clients }, async () => {
      while (next < load.requests) times.push(await call(load, vars(next++)));
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  return { times: times.sort((a, b) => a - b), wallSeconds };
}

/** Runs the load on a new worker thread and resolves with its measurements. */
export function graphqlLoad(load: GraphqlLoad): Promise<GraphqlLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: load });
    worker.once('message', (m: { result?: GraphqlLoadResult; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m.result!);
    });
    worker.once('error', reject);
    // (after a message this is a no-op: the promise is already settled)
    worker.once('exit', (code) => reject(new Error(`load thread exited with ${code} before answering`)));
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  run(workerData as GraphqlLoad).then(
    (result) => port.postMessage({ result }),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
}
