import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { JOB_POLICIES, JobName, JobPayload, RunJobName } from './job-contract';
import { errorKind } from './job-failure';
import { JobDeferrals } from './job-deferrals.service';
import { JobRunsService } from './job-runs.service';
import { JobsService } from './jobs.service';
import { SWEEP_TASK } from './sweep-task.decorator';

/** PostgreSQL advisory lock key of the sweeper ("maillage sweeper"): one active sweep across workers. */
export const SWEEPER_LOCK = 7_316_502_001;
/** Recoveries of a run without progress before it is FAILED (its job keeps being lost). */
export const MAX_RECOVERIES = 5;

export interface SweepReport {
  /** False when another worker holds the lock (it sweeps instead). */
  swept: boolean;
  deferred: number;
  recovered: number;
  failed: number;
  tasks: Record<string, string>;
}

/**
 * Makes the queues self-healing: Redis may lose jobs (restarted without persistence, evicted,
 * flushed) or be away when work is requested. On every sweep (SWEEPER_INTERVAL_MS), one worker
 * at a time (transaction-scoped advisory lock):
 * 1. enqueues deferred jobs (deferred_jobs: enqueues that failed while Redis was down);
 * 2. recovers stale runs: QUEUED/RUNNING, no change for SWEEPER_GRACE_MS and no live job in
 *    Redis -> the run's job is enqueued again (deterministic ids make this idempotent; handlers
 *    resume from PostgreSQL, e.g. a rebuild re-enqueues its unfinished chunks); after
 *    MAX_RECOVERIES without progress the run is FAILED with a reason;
 * 3. runs the @SweepTask methods of other libs (e.g. the outbox wakes its relay).
 * When Redis is down the sweep stops at the first Redis call and the next one tries again.
 */
@Injectable()
export class SweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;
  private tasks: { name: string; fn: () => Promise<unknown> }[] = [];
  private lastWarning = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly runs: JobRunsService,
    private readonly deferrals: JobDeferrals,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string | undefined>(SWEEP_TASK, proto[method]);
        if (name) this.tasks.push({ name, fn: (instance[method] as () => Promise<unknown>).bind(instance) });
      }
    }
    this.timer = setInterval(() => void this.tick(), this.config.SWEEPER_INTERVAL_MS);
    this.timer.unref();
    // A worker starting after an outage catches up at once.
    setTimeout(() => void this.tick(), Math.min(this.config.SWEEPER_INTERVAL_MS, 2000)).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep unless one is already under way in this process. */
  async tick(): Promise<SweepReport | undefined> {
    if (this.running) return undefined;
    const sweep = this.sweepOnce().catch((err: unknown) => {
      this.warnOnce(`sweep failed: ${errorKind(err)}`);
      return undefined;
    });
    this.running = sweep;
    try {
      return await sweep;
    } finally {
      this.running = null;
    }
  }

  /** Takes the lock for the length of one transaction; another worker holding it sweeps instead. */
  async sweepOnce(): Promise<SweepReport> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SWEEPER_LOCK,
      ])) as { locked: boolean }[];
      const report: SweepReport = { swept: locked, deferred: 0, recovered: 0, failed: 0, tasks: {} };
      if (!locked) return report;
      report.deferred = await this.deferrals.flush();
      await this.recoverRuns(report);
      for (const task of this.tasks) {
        try {
          const result = await task.fn();
          report.tasks[task.name] = result === undefined ? 'ok' : JSON.stringify(result);
        } catch (err) {
          report.tasks[task.name] = errorKind(err);
        }
      }
      if (report.deferred || report.recovered || report.failed)
        this.logger.log(
          `swept: ${report.deferred} deferred jobs enqueued, ${report.recovered} runs re-enqueued, ${report.failed} runs failed`,
        );
      this.lastWarning = '';
      return report;
    });
  }

  private async recoverRuns(report: SweepReport): Promise<void> {
    for (const run of await this.runs.stale(this.config.SWEEPER_GRACE_MS)) {
      const name = run.jobName as RunJobName;
      if (!(name in JOB_POLICIES) || !run.jobPayload) continue;
      const payload = run.jobPayload as JobPayload<typeof name>;
      if (await this.jobs.isLive(name, payload)) continue;
      if (run.recoveries >= MAX_RECOVERIES) {
        const reason = `${run.kind}: its job was lost ${run.recoveries} times without progress (queue unavailable); please retry`;
        if (await this.runs.giveUp(run.id, reason)) report.failed++;
        this.logger.warn(`run ${run.id} failed: job lost ${run.recoveries} times`);
        continue;
      }
      if (!(await this.runs.markRecovered(run.id))) continue;
      await this.jobs.requeue(name as JobName, payload);
      report.recovered++;
      this.logger.warn(`run ${run.id} (${run.status}) had no live job: ${name} enqueued again`);
    }
  }

  /** An outage makes every sweep fail the same way: say it once. */
  private warnOnce(message: string): void {
    if (message === this.lastWarning) return;
    this.lastWarning = message;
    this.logger.warn(message);
  }
}
