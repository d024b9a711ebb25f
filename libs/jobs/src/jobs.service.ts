import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { metrics } from '@maillage/observability';
import {
  JOB_POLICIES,
  JobName,
  JobPolicy,
  JobPayload,
  QUEUE_OF_JOB,
  QueueName,
  RETENTION,
} from './job-contract';
import { errorKind } from './job-failure';
import { createProducerConnection } from './redis-connection';

/**
 * Redis did not take the job (down, restarting, or too slow to answer): the caller records the
 * work durably instead (a QUEUED run, a deferred job, an outbox row) and the sweeper enqueues it.
 */
export class RedisUnavailableError extends Error {
  constructor(job: JobName, options?: { cause?: unknown }) {
    super(`Redis unavailable: job ${job} not queued (${errorKind(options?.cause)})`, options);
    this.name = 'RedisUnavailableError';
  }
}

/** States in which a job will still run (or is running): nothing to recover. */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** The id BullMQ stores the job under, when its policy makes it deterministic. */
export function deterministicJobId<N extends JobName>(name: N, payload: JobPayload<N>): string | undefined {
  return (JOB_POLICIES[name] as JobPolicy<N>).jobId?.(payload);
}

/**
 * Typed producer: `enqueue(JobName.SCORE_ACTOR, { actorId })`. Fails fast: no offline queue, a
 * command timeout, and a bound on the whole enqueue, so a request never waits on Redis.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly timeoutMs: number;
  private lastErrorLog = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.timeoutMs = config.REDIS_COMMAND_TIMEOUT_MS;
    this.connection = createProducerConnection(config.REDIS_URL, this.timeoutMs);
    metrics.setQueueDepthSource(() => this.depths());
  }

  /** Jobs per queue in the states an operator watches (the queue-depth metric, Bull Board shows the rest). */
  async depths(): Promise<Record<string, Record<string, number>>> {
    const queues = Object.values(QueueName);
    const counts = await Promise.all(
      queues.map((q) => this.queue(q).getJobCounts('waiting', 'active', 'delayed', 'failed')),
    );
    return Object.fromEntries(queues.map((q, i) => [q, counts[i]]));
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.REDIS_PREFIX });
      // Connection errors also reach each call; log them at most every 30 s.
      queue.on('error', (err) => {
        if (Date.now() - this.lastErrorLog < 30_000) return;
        this.lastErrorLog = Date.now();
        this.logger.warn(`Redis unavailable for the job producer: ${errorKind(err)}`);
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds the job; throws RedisUnavailableError within about REDIS_COMMAND_TIMEOUT_MS when Redis is away. */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    extra: Partial<JobsOptions> = {},
  ): Promise<string> {
    const policy = JOB_POLICIES[name] as JobPolicy<N>;
    const dedupId = policy.dedupId?.(payload);
    const job = await this.redis(name, () =>
      this.queue(QUEUE_OF_JOB[name]).add(name, payload, {
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs },
        jobId: policy.jobId?.(payload),
        ...(dedupId ? { deduplication: { id: dedupId, keepLastIfActive: true } } : {}),
        ...RETENTION,
        ...extra,
      }),
    );
    return job.id ?? '';
  }

  /** Whether the job with this deterministic id will still run (waiting, delayed, active...). */
  async isLive<N extends JobName>(name: N, payload: JobPayload<N>): Promise<boolean> {
    const id = deterministicJobId(name, payload);
    if (!id) return false;
    const state = await this.redis(name, () => this.queue(QUEUE_OF_JOB[name]).getJobState(id));
    return LIVE_STATES.has(state);
  }

  /**
   * Enqueues a job again although a job with its deterministic id may have ended (BullMQ ignores
   * an add whose id it still holds): the ended job is removed first. A live job is left alone.
   */
  async requeue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<string> {
    const id = deterministicJobId(name, payload);
    if (id) {
      const queue = this.queue(QUEUE_OF_JOB[name]);
      const job = await this.redis(name, () => queue.getJob(id));
      if (job) {
        const state = await this.redis(name, () => job.getState());
        if (LIVE_STATES.has(state)) return id;
        await this.redis(name, () => job.remove());
      }
    }
    return this.enqueue(name, payload);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /** One Redis call of the producer, bounded in time; connection failures become RedisUnavailableError. */
  private async redis<T>(job: JobName, call: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RedisUnavailableError(job, { cause: new Error('timeout') })),
        this.timeoutMs + 500,
      );
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (err) {
      if (err instanceof RedisUnavailableError || this.connection.status !== 'ready')
        throw err instanceof RedisUnavailableError ? err : new RedisUnavailableError(job, { cause: err });
      if (/Connection is closed|Stream isn't writeable|timed out|ECONNREFUSED/.test(String(err)))
        throw new RedisUnavailableError(job, { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
