import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, JobType } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  likePatterns,
  mentions,
  redactJson,
} from '@maillage/common';
import { QueueName } from './job-contract';
import { JobsService } from './jobs.service';

/**
 * Job runs (failure reasons, results, payloads, who asked) and deferred jobs in PostgreSQL. Payloads
 * carry ids and failure reasons error kinds by contract: this part checks that and redacts what
 * slipped through; the requester of a run is removed. Retention: runs that ended before the cut-off
 * lose their failure reason, result and requester.
 */
@Injectable()
@PersonalDataPart('job-runs')
export class JobRunsPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runs(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT id, kind, scope, status, error, result, job_payload AS "jobPayload", requested_by AS "requestedBy",
              created_at AS "createdAt"
         FROM job_runs
        WHERE requested_by = ANY($1::uuid[]) OR scope ILIKE ANY($2) OR error ILIKE ANY($2)
           OR result::text ILIKE ANY($2) OR job_payload::text ILIKE ANY($2) OR counts::text ILIKE ANY($2)
        ORDER BY created_at`,
      [subject.userIds, likePatterns(subject)],
    ) as Promise<
      {
        id: string;
        scope: string;
        error: string | null;
        result: unknown;
        jobPayload: unknown;
        requestedBy: string | null;
      }[]
    >;
  }

  private deferred(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT dedupe_key AS "dedupeKey", job_name AS "jobName", payload FROM deferred_jobs
        WHERE payload::text ILIKE ANY($1) OR dedupe_key ILIKE ANY($1)`,
      [likePatterns(subject)],
    ) as Promise<{ dedupeKey: string; jobName: string; payload: unknown }[]>;
  }

  async export(subject: PersonalDataSubject) {
    const runs = await this.runs(subject);
    const deferred = await this.deferred(subject);
    return [
      ...runs.map((r) => ({ table: 'job_runs', ...r })),
      ...deferred.map((d) => ({ table: 'deferred_jobs', ...d })),
    ];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const runs = await this.runs(subject);
    for (const r of runs)
      await this.dataSource.query(
        `UPDATE job_runs SET scope = $2, error = $3, result = $4, job_payload = $5,
                requested_by = CASE WHEN requested_by = ANY($6::uuid[]) THEN NULL ELSE requested_by END
          WHERE id = $1`,
        [
          r.id,
          redactJson(r.scope, subject),
          r.error === null ? null : redactJson(r.error, subject),
          r.result === null ? null : JSON.stringify(redactJson(r.result, subject)),
          r.jobPayload === null ? null : JSON.stringify(redactJson(r.jobPayload, subject)),
          subject.userIds,
        ],
      );
    // A deferred job whose payload names the person is dropped: a job's payload is ids only, so
    // such a row is broken anyway.
    const deferred = await this.deferred(subject);
    if (deferred.length)
      await this.dataSource.query('DELETE FROM deferred_jobs WHERE dedupe_key = ANY($1)', [
        deferred.map((d) => d.dedupeKey),
      ]);
    return runs.length + deferred.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE job_runs SET error = NULL, result = NULL, requested_by = NULL
        WHERE finished_at IS NOT NULL AND finished_at < $1
          AND (error IS NOT NULL OR result IS NOT NULL OR requested_by IS NOT NULL)`,
      [before],
    )) as [unknown, number];
    return count;
  }
}

/** Every state a BullMQ job may be stored in. */
const STATES: JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
];

/**
 * Jobs held in Redis (BullMQ): data, failure reason, stack trace, return value and logs of every
 * job in every queue. A job mentioning the person is removed (an active one cannot be: it ends and
 * BullMQ's retention removes it). Nothing to purge: ended jobs are kept a week at most (RETENTION).
 */
@Injectable()
@PersonalDataPart('queued-jobs')
export class QueuedJobsPersonalData implements PersonalDataContributor {
  constructor(private readonly jobs: JobsService) {}

  private async matching(subject: PersonalDataSubject) {
    const found: { queue: QueueName; job: Job; logs: string[] }[] = [];
    for (const name of Object.values(QueueName)) {
      const queue = this.jobs.queue(name);
      for (const job of (await queue.getJobs(STATES, 0, -1)) as Job[]) {
        if (!job?.id) continue;
        const { logs } = await queue.getJobLogs(job.id, 0, -1);
        const text = JSON.stringify([job.name, job.data, job.failedReason, job.stacktrace, job.returnvalue]);
        if (mentions(text, subject) || logs.some((l) => mentions(l, subject)))
          found.push({ queue: name, job, logs });
      }
    }
    return found;
  }

  async export(subject: PersonalDataSubject) {
    return (await this.matching(subject)).map(({ queue, job, logs }) => ({
      queue,
      id: job.id,
      name: job.name,
      data: job.data as unknown,
      failedReason: job.failedReason ?? null,
      logs,
      timestamp: new Date(job.timestamp),
    }));
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    let removed = 0;
    for (const { job } of await this.matching(subject)) {
      try {
        await job.remove();
        removed++;
      } catch {
        // Locked by a worker (active): it ends and retention removes it; a later erase retries.
      }
    }
    return removed;
  }
}
