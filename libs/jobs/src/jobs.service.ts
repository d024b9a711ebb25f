import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import {
  JOB_POLICIES,
  JobName,
  JobPolicy,
  JobPayload,
  QUEUE_OF_JOB,
  QueueName,
  RETENTION,
} from './job-contract';
import { createRedisConnection } from './redis-connection';

/** Typed producer: `enqueue(JobName.SCORE_ACTOR, { actorId })`. */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = createRedisConnection(config.REDIS_URL);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.REDIS_PREFIX });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    extra: Partial<JobsOptions> = {},
  ): Promise<string> {
    const policy = JOB_POLICIES[name] as JobPolicy<N>;
    const dedupId = policy.dedupId?.(payload);
    const job = await this.queue(QUEUE_OF_JOB[name]).add(name, payload, {
      attempts: policy.attempts,
      backoff: { type: 'exponential', delay: policy.backoffMs },
      jobId: policy.jobId?.(payload),
      ...(dedupId ? { deduplication: { id: dedupId, keepLastIfActive: true } } : {}),
      ...RETENTION,
      ...extra,
    });
    return job.id ?? '';
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
