import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JOB_POLICIES, JobName, JobPayload, JobPolicy } from './job-contract';
import { errorKind } from './job-failure';
import { DeferredJobEntity } from './deferred-job.entity';
import { JobsService } from './jobs.service';

const FLUSH_BATCH = 500;

/** The row key: the job's own deterministic or deduplication id, so repeated requests collapse. */
export function deferralKey<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const policy = JOB_POLICIES[name] as JobPolicy<N>;
  return policy.jobId?.(payload) ?? policy.dedupId?.(payload) ?? `${name}.${JSON.stringify(payload)}`;
}

/**
 * Jobs that could not be enqueued, kept in PostgreSQL (deferred_jobs) until Redis is back: the
 * worker's sweeper flushes them. Every job is idempotent, so a deferred job that Redis did take
 * after all (a slow answer) only runs twice.
 */
@Injectable()
export class JobDeferrals {
  private readonly logger = new Logger(JobDeferrals.name);

  constructor(
    @InjectRepository(DeferredJobEntity) private readonly rows: Repository<DeferredJobEntity>,
    private readonly jobs: JobsService,
  ) {}

  /** Records jobs of one name for later; one statement for the lot. */
  async defer<N extends JobName>(name: N, payloads: JobPayload<N>[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.rows
      .createQueryBuilder()
      .insert()
      .values(
        payloads.map((p) => ({
          dedupeKey: deferralKey(name, p),
          jobName: name,
          payload: p as never,
        })),
      )
      .orIgnore()
      .execute();
  }

  /** Enqueues deferred jobs, oldest first; stops at the first failure (Redis is likely still down). */
  async flush(): Promise<number> {
    let flushed = 0;
    for (;;) {
      const batch = await this.rows.find({ order: { createdAt: 'ASC' }, take: FLUSH_BATCH });
      for (const row of batch) {
        const name = row.jobName as JobName;
        if (!(name in JOB_POLICIES)) {
          this.logger.error(`dropping deferred job of unknown name ${row.jobName}`);
        } else {
          await this.jobs.enqueue(name, row.payload as JobPayload<typeof name>);
        }
        await this.rows.delete({ dedupeKey: row.dedupeKey });
        flushed++;
      }
      if (batch.length < FLUSH_BATCH) break;
    }
    if (flushed) this.logger.log(`enqueued ${flushed} deferred jobs`);
    return flushed;
  }

  pending(): Promise<number> {
    return this.rows.count();
  }

  /** For callers that must not fail: defer, or log the error's kind when PostgreSQL is down too. */
  async deferQuietly<N extends JobName>(name: N, payloads: JobPayload<N>[]): Promise<void> {
    try {
      await this.defer(name, payloads);
    } catch (err) {
      this.logger.warn(`could not defer ${payloads.length} ${name} jobs: ${errorKind(err)}`);
    }
  }
}
