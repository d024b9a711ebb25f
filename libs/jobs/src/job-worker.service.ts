import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { hostname } from 'node:os';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { metrics, runWithLogContext } from '@maillage/observability';
import { JobName, QUEUE_OF_JOB, QueueName } from './job-contract';
import { describeFailure, errorKind } from './job-failure';
import { JOB_HANDLER } from './job-handler.decorator';
import {
  buildHandlerTable,
  HandlerFn,
  JobContext,
  JobHandlerMeta,
  RegisteredHandler,
} from './job-handler-registry';
import { JobRunsService } from './job-runs.service';
import { createRedisConnection } from './redis-connection';

/** How long SIGTERM waits for active jobs before abandoning them (npm start kills at 4.5 s). */
export const SHUTDOWN_GRACE_MS = 4_000;

/**
 * Discovers every @JobHandler, refuses to start unless each job name has exactly one, and runs
 * one BullMQ worker per queue. close() on shutdown lets active jobs finish (SIGTERM-safe).
 * Giving up is decided here, once for every job: when the last attempt throws, the clean-ups the
 * handler registered run and the run its payload names is marked FAILED with the error's kind.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobWorker');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private table: Map<JobName, RegisteredHandler> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly runs: JobRunsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  discoverHandlers(): Map<JobName, RegisteredHandler> {
    const found: RegisteredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER, proto[method]);
        if (meta) {
          const fn = (instance[method] as HandlerFn).bind(instance);
          found.push({ ...meta, owner: `${proto.constructor.name}.${method}`, fn });
        }
      }
    }
    return buildHandlerTable(found);
  }

  /** Runs one delivered job through its handler; BullMQ retries it when this throws. */
  async process(job: Job): Promise<unknown> {
    this.table ??= this.discoverHandlers();
    const name = job.name as JobName;
    const handler = this.table.get(name);
    if (!handler || QUEUE_OF_JOB[name] !== job.queueName) throw new Error(`no handler for ${job.name}`);
    const cleanups: (() => Promise<void>)[] = [];
    const ctx: JobContext = {
      jobId: job.id ?? '',
      attempt: job.attemptsMade + 1,
      updateProgress: (p) => job.updateProgress(p),
      onGiveUp: (cleanup) => void cleanups.push(cleanup),
    };
    // Every line logged while the job runs carries its id, name, queue and attempt.
    const logContext = { jobId: ctx.jobId, job: name, queue: job.queueName, attempt: ctx.attempt };
    return runWithLogContext(logContext, async () => {
      const stop = metrics.jobDuration.startTimer({ job: name, queue: job.queueName });
      try {
        const result = await handler.fn(job.data, ctx);
        stop({ outcome: 'completed' });
        return result;
      } catch (err) {
        stop({ outcome: 'failed' });
        // BullMQ stops retrying once attemptsMade reaches opts.attempts (1 when unset).
        const final = ctx.attempt >= (job.opts.attempts ?? 1);
        metrics.jobFailures.inc({ job: name, queue: job.queueName, final: String(final) });
        if (final) await this.giveUp(handler, job, cleanups, err);
        throw err;
      }
    });
  }

  private async giveUp(
    handler: RegisteredHandler,
    job: Job,
    cleanups: (() => Promise<void>)[],
    err: unknown,
  ): Promise<void> {
    const failure = describeFailure(err);
    for (const cleanup of cleanups) {
      await cleanup().catch((e: unknown) =>
        this.logger.error(`clean-up of job ${job.name} ${job.id} failed: ${errorKind(e)}`),
      );
    }
    const runId = handler.options.run?.(job.data);
    if (!runId) {
      this.logger.error(`job ${job.name} ${job.id} gave up: ${failure.kind}`);
      return;
    }
    const reason = handler.options.giveUpReason?.(failure) ?? `${job.name}: ${failure.kind}`;
    // A run that already ended (another job of it failed first, or it succeeded) keeps its outcome.
    try {
      await this.runs.giveUp(runId, reason);
      this.logger.error(`job ${job.name} ${job.id} gave up: ${failure.kind}; run ${runId} failed`);
    } catch (e) {
      this.logger.error(`job ${job.name} ${job.id} gave up, run ${runId} not updated: ${errorKind(e)}`);
    }
  }

  onApplicationBootstrap(): void {
    this.table = this.discoverHandlers();
    for (const queue of Object.values(QueueName)) {
      // Worker.close() leaves a connection it did not create open: keep it to close it ourselves.
      const connection = createRedisConnection(this.config.REDIS_URL);
      this.connections.push(connection);
      const worker = new Worker(queue, (job) => this.process(job), {
        connection,
        prefix: this.config.REDIS_PREFIX,
        concurrency: this.config.WORKER_CONCURRENCY,
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.JOB_LOCK_MS,
        // Stored on each job it takes (Bull Board, fault tests): which process holds an active job.
        name: `${hostname()}.${process.pid}`,
      });
      // The error's kind only: driver messages may carry personal data.
      worker.on('failed', (job, err) =>
        this.logger.warn(
          `job ${job?.name} ${job?.id} attempt ${job?.attemptsMade ?? '?'} failed: ${errorKind(err)}`,
        ),
      );
      worker.on('error', (err) => this.logger.error(`worker error on ${queue}: ${errorKind(err)}`));
      this.workers.push(worker);
    }
    this.logger.debug(
      `listening on queues ${Object.values(QueueName).join(', ')} (${this.table.size} job types)`,
    );
  }

  /**
   * SIGTERM: stop taking jobs and let the active ones finish, for at most SHUTDOWN_GRACE_MS; a job
   * still running then is abandoned (its lock expires and another worker takes it: handlers are
   * idempotent).
   */
  async onApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const graceful = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const late = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS)),
    );
    if (!(await Promise.race([graceful, late]))) {
      this.logger.warn(`active jobs still running after ${SHUTDOWN_GRACE_MS} ms: abandoned to other workers`);
      await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
    }
    clearTimeout(timer);
    this.connections.forEach((c) => c.disconnect());
  }
}
