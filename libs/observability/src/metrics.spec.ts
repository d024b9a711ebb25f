import { Metrics } from './metrics';
import { bearerMatches } from './metrics-auth';

describe('Metrics', () => {
  it('exposes GraphQL, job, queue-depth and outbox series in the Prometheus text format', async () => {
    const m = new Metrics();
    m.graphqlDuration.observe({ operation: 'query:partners', outcome: 'ok' }, 0.012);
    m.jobDuration.observe({ job: 'score-actor', queue: 'scoring', outcome: 'failed' }, 0.3);
    m.jobFailures.inc({ job: 'score-actor', queue: 'scoring', final: 'false' });
    m.setQueueDepthSource(async () => ({ scoring: { waiting: 3, active: 1, delayed: 0, failed: 2 } }));
    m.setOutboxSource(async () => ({ pending: 4, dead: 1 }));
    const { body, contentType } = await m.exposition();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toMatch(
      /maillage_graphql_request_duration_seconds_count\{operation="query:partners",outcome="ok"\} 1/,
    );
    expect(body).toMatch(/maillage_job_failures_total\{job="score-actor",queue="scoring",final="false"\} 1/);
    expect(body).toMatch(/maillage_queue_jobs\{queue="scoring",state="waiting"\} 3/);
    expect(body).toMatch(/maillage_outbox_rows\{state="dead"\} 1/);
    expect(body).toMatch(/maillage_process_resident_memory_bytes/);
  });

  it('leaves a gauge empty (and says so) when its store does not answer, instead of failing the scrape', async () => {
    const m = new Metrics();
    m.setQueueDepthSource(() => Promise.reject(new Error('Connection is closed')));
    m.setOutboxSource(() => new Promise(() => undefined)); // hangs: bounded to 1 s
    const { body } = await m.exposition();
    expect(body).not.toMatch(/maillage_queue_jobs\{/);
    expect(body).toMatch(/maillage_metrics_source_up\{source="redis"\} 0/);
    expect(body).toMatch(/maillage_metrics_source_up\{source="postgresql"\} 0/);
  });
});

describe('bearerMatches', () => {
  it('accepts only the exact token as a Bearer credential', () => {
    expect(bearerMatches('Bearer s3cret-token-0123', 's3cret-token-0123')).toBe(true);
    expect(bearerMatches('Bearer s3cret-token-0124', 's3cret-token-0123')).toBe(false);
    expect(bearerMatches('s3cret-token-0123', 's3cret-token-0123')).toBe(false);
    expect(bearerMatches(undefined, 's3cret-token-0123')).toBe(false);
    expect(bearerMatches('Bearer x', undefined)).toBe(false);
  });
});
