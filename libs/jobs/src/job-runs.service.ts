import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@maillage/common';
import { JobRunEntity } from './job-run.entity';

/** Progress of user-visible jobs, kept in PostgreSQL so it survives worker restarts. */
@Injectable()
export class JobRunsService {
  constructor(@InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>) {}

  create(kind: string, scope: string, requestedBy: string | null, totalUnits = 0): Promise<JobRunEntity> {
    return this.runs.save(
      this.runs.create({ kind, scope, requestedBy, totalUnits, status: 'QUEUED', counts: {} }),
    );
  }

  async get(id: string): Promise<JobRunEntity> {
    const run = await this.runs.findOne({ where: { id } });
    if (!run)
      throw new NotFoundError(`Job run ${id} not found`, { field: ['id'], reason: 'unknown_job_run' });
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
}
