import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';

import { JobPayload, RunJobName } from './job-contract';
import { errorKind } from './job-failure';
import { JobRunEntity } from './job-run.entity';
import { JobsService, RedisUnavailableError } from './jobs.service';
import { JOB_ERRORS } from './jobs.errors';

/** What a new run records; `kind` defaults to the job name (one job may serve several kinds). */
export interface NewJobRun {
  kind?: string;
  scope: string;
  requestedBy: string | null;
  totalUnits?: number;
}

export interface StartRunOptions {
  /** Stores what the job will read (e.g. an uploaded file), once the run exists and before the enqueue. */
  prepare?: (run: JobRunEntity) => Promise<void>;
  /** Undoes prepare() when the run could not be queued (e.g. drops a file holding personal data). */
  undo?: (run: JobRunEntity) => Promise<void>;
  /** The FAILED run's message when it could not be queued. */
  enqueueFailure?: string;
}

export const DEFAULT_ENQUEUE_FAILURE = 'The job could not be queued; please retry';

/** The run was recorded but its job could not be queued (Redis unavailable): the run is FAILED. */
export class JobEnqueueError extends Error {
  constructor(
    readonly job: RunJobName,
    readonly runId: string,
    options?: { cause?: unknown },
  ) {
    super(`Job ${job} of run ${runId} could not be queued: ${errorKind(options?.cause)}`, options);
    this.name = 'JobEnqueueError';
  }
}

/** Progress of user-visible jobs, kept in PostgreSQL so it survives worker restarts. */
@Injectable()
export class JobRunsService {
  private readonly logger = new Logger(JobRunsService.name);

  constructor(
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
    private readonly jobs: JobsService,
  ) {}

  /**
   * The one way to start a user-visible job: records the run (QUEUED) with the job that drives it,
   * then enqueues that job. When Redis is unavailable the run stays QUEUED: it is recorded, and the
   * worker's sweeper enqueues its job once Redis is back (the request does not wait). Any other
   * enqueue failure marks the run FAILED (nobody polls a run no worker will take) and throws a
   * JobEnqueueError.
   */
  async startRun<N extends RunJobName>(
    job: N,
    run: NewJobRun,
    payload: (runId: string) => JobPayload<N>,
    options: StartRunOptions = {},
  ): Promise<JobRunEntity> {
    const created = await this.create(run.kind ?? job, run.scope, run.requestedBy, run.totalUnits);
    const reason = options.enqueueFailure ?? DEFAULT_ENQUEUE_FAILURE;
    try {
      await options.prepare?.(created);
    } catch (err) {
      await this.fail(created.id, reason);
      throw err;
    }
    const jobPayload = payload(created.id);
    await this.runs.update({ id: created.id }, {
      jobName: job,
      jobPayload: jobPayload as Record<string, unknown>,
    } as never);
    try {
      await this.jobs.enqueue(job, jobPayload);
    } catch (err) {
      if (err instanceof RedisUnavailableError) {
        this.logger.warn(`run ${created.id} stays QUEUED until Redis is back: ${errorKind(err)}`);
        return created;
      }
      this.logger.warn(`could not enqueue ${job} for run ${created.id}: ${errorKind(err)}`);
      await options.undo?.(created);
      await this.fail(created.id, reason);
      throw new JobEnqueueError(job, created.id, { cause: err });
    }
    return created;
  }

  create(kind: string, scope: string, requestedBy: string | null, totalUnits = 0): Promise<JobRunEntity> {
    return this.runs.save(
      this.runs.create({ kind, scope, requestedBy, totalUnits, status: 'QUEUED', counts: {} }),
    );
  }

  async get(id: string): Promise<JobRunEntity> {
    const run = await this.runs.findOne({ where: { id } });
    if (!run)
      throw JOB_ERRORS.notFound(`Job run ${id} not found`, { field: ['id'], reason: 'unknown_job_run' });
    return run;
  }

  find(id: string): Promise<JobRunEntity | null> {
    return this.runs.findOne({ where: { id } });
  }

  async start(id: string, totalUnits?: number): Promise<void> {
    await this.runs.update({ id }, {
      status: 'RUNNING',
      startedAt: () => 'COALESCE(started_at, now())',
      ...(totalUnits !== undefined ? { totalUnits } : {}),
    } as never);
  }

  /** Atomic increment so chunks finished by several workers add up. */
  async addProgress(id: string, units: number, counts: Record<string, number> = {}): Promise<void> {
    await this.runs.query(
      `UPDATE job_runs SET done_units = done_units + $2,
         progress = CASE WHEN total_units > 0 THEN LEAST(1, (done_units + $2)::float / total_units) ELSE progress END,
         counts = (SELECT COALESCE(jsonb_object_agg(k, COALESCE((counts->>k)::bigint, 0) + COALESCE((($3::jsonb)->>k)::bigint, 0)), '{}'::jsonb)
                   FROM (SELECT jsonb_object_keys(counts || $3::jsonb) AS k) keys),
         recoveries = CASE WHEN $2 > 0 THEN 0 ELSE recoveries END,
         updated_at = now()
       WHERE id = $1`,
      [id, units, JSON.stringify(counts)],
    );
  }

  async succeed(id: string, result: Record<string, unknown> = {}): Promise<void> {
    await this.runs.update(
      { id },
      { status: 'SUCCEEDED', progress: 1, result: result as never, finishedAt: new Date() },
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.runs.update({ id }, { status: 'FAILED', error: error.slice(0, 2000), finishedAt: new Date() });
  }

  /** The worker gave up on a job of this run: FAILED, unless the run already ended (its outcome stays). */
  async giveUp(id: string, error: string): Promise<boolean> {
    const res = await this.runs.update(
      { id, status: In(['QUEUED', 'RUNNING']) },
      { status: 'FAILED', error: error.slice(0, 2000), finishedAt: new Date() },
    );
    return (res.affected ?? 0) > 0;
  }

  /**
   * Runs still QUEUED/RUNNING whose last change is older than `graceMs`, oldest first: the sweeper
   * checks whether their job still lives in Redis.
   */
  async stale(graceMs: number, limit = 100): Promise<JobRunEntity[]> {
    return this.runs
      .createQueryBuilder('r')
      .where("r.status IN ('QUEUED', 'RUNNING')")
      .andWhere('r.job_name IS NOT NULL')
      .andWhere('r.updated_at < now() - make_interval(secs => :secs)', { secs: graceMs / 1000 })
      .orderBy('r.updated_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Counts one more recovery (reset by progress) and restarts the grace period; false if the run ended. */
  async markRecovered(id: string): Promise<boolean> {
    const res = await this.runs
      .createQueryBuilder()
      .update()
      .set({ recoveries: () => 'recoveries + 1' } as never)
      .where("id = :id AND status IN ('QUEUED', 'RUNNING')", { id })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
