import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface Sources {
  queues?: Record<string, Record<string, number>>;
  outbox?: { pending: number; dead: number };
}

/**
 * The process's Prometheus metrics, one registry per process (the API and the worker each expose
 * theirs). Labels are bounded sets: operation = root fields of the schema (never the client's
 * free-text operation name), outcome = 'ok' or an error code, job = a JobName, queue = a QueueName.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly graphqlDuration = new Histogram({
    name: 'maillage_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation (root fields) and outcome (ok or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'maillage_job_duration_seconds',
    help: 'Job attempts by job name, queue and outcome (completed or failed).',
    labelNames: ['job', 'queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'maillage_job_failures_total',
    help: 'Failed job attempts by job name and queue (final = the last attempt: the job gave up).',
    labelNames: ['job', 'queue', 'final'] as const,
    registers: [this.registry],
  });

  private queueSource: (() => Promise<Record<string, Record<string, number>>>) | undefined;
  private outboxSource: (() => Promise<{ pending: number; dead: number }>) | undefined;

  readonly queueDepth = new Gauge({
    name: 'maillage_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed), read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: async () => {
      const counts = (await this.sources()).queues;
      this.queueDepth.reset();
      for (const [queue, states] of Object.entries(counts ?? {}))
        for (const [state, n] of Object.entries(states)) this.queueDepth.set({ queue, state }, n);
    },
  });

  readonly outboxRows = new Gauge({
    name: 'maillage_outbox_rows',
    help: 'Outbox rows not relayed yet (pending) and given up (dead), read from PostgreSQL at scrape time.',
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: async () => {
      const rows = (await this.sources()).outbox;
      this.outboxRows.reset();
      if (rows) for (const [state, n] of Object.entries(rows)) this.outboxRows.set({ state }, n);
    },
  });

  readonly storeUp = new Gauge({
    name: 'maillage_metrics_source_up',
    help: 'Whether the last scrape could read the source (redis for queue depth, postgresql for the outbox).',
    labelNames: ['source'] as const,
    registers: [this.registry],
    collect: async () => void (await this.sources()),
  });

  private inflight: Promise<Sources> | undefined;

  constructor() {
    // Process figures (RSS, heap, event-loop lag, GC): what the soak benchmark watches too.
    collectDefaultMetrics({ register: this.registry, prefix: 'maillage_' });
  }

  /** JobsService tells how to count jobs per queue and state (the last one registered wins). */
  setQueueDepthSource(source: () => Promise<Record<string, Record<string, number>>>): void {
    this.queueSource = source;
  }

  /** OutboxService tells how to count pending and dead rows. */
  setOutboxSource(source: () => Promise<{ pending: number; dead: number }>): void {
    this.outboxSource = source;
  }

  /** The text exposition format, for GET /metrics. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * Reads both sources once per scrape (the three gauges share the reads); a scrape never waits on a
   * store that is down: 1 s, then the gauge is left empty and maillage_metrics_source_up says 0.
   */
  private sources(): Promise<Sources> {
    this.inflight ??= Promise.all([
      this.read('redis', this.queueSource),
      this.read('postgresql', this.outboxSource),
    ])
      .then(([queues, outbox]) => ({ queues, outbox }))
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async read<T>(label: string, source: (() => Promise<T>) | undefined): Promise<T | undefined> {
    if (!source) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        source(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000))),
      ]);
      this.storeUp.set({ source: label }, 1);
      return value;
    } catch {
      this.storeUp.set({ source: label }, 0);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** This process's metrics (a module singleton, like prom-client's default registry). */
export const metrics = new Metrics();
