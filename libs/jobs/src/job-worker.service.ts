import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { JobName, QUEUE_OF_JOB, QueueName } from './job-contract';
import { JOB_HANDLER } from './job-handler.decorator';
import { buildHandlerTable, HandlerFn } from './job-handler-registry';
import { createRedisConnection } from './redis-connection';

/**
 * Discovers every @JobHandler, refuses to start unless each job name has exactly one, and runs
 * one BullMQ worker per queue. close() on shutdown lets active jobs finish (SIGTERM-safe).
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobWorker');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  discoverHandlers(): Map<JobName, HandlerFn> {
    const found: { name: JobName; owner: string; fn: HandlerFn }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, proto[method]);
        if (name) {
          const fn = (instance[method] as HandlerFn).bind(instance);
          found.push({ name, owner: `${proto.constructor.name}.${method}`, fn });
        }
      }
    }
    return buildHandlerTable(found);
  }

  onApplicationBootstrap(): void {
    const table = this.discoverHandlers();
    for (const queue of Object.values(QueueName)) {
      // Worker.close() leaves a connection it did not create open: keep it to close it ourselves.
      const connection = createRedisConnection(this.config.REDIS_URL);
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = table.get(job.name as JobName);
          if (!handler || QUEUE_OF_JOB[job.name as JobName] !== queue)
            throw new Error(`no handler for ${job.name}`);
          return handler(job.data, {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            updateProgress: (p) => job.updateProgress(p),
          });
        },
        {
          connection,
          prefix: this.config.REDIS_PREFIX,
          concurrency: this.config.WORKER_CONCURRENCY,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`),
      );
      worker.on('error', (err) => this.logger.error(`worker error on ${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`listening on queues ${Object.values(QueueName).join(', ')} (${table.size} job types)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connections.forEach((c) => c.disconnect());
  }
}
