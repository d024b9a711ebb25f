import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';

import { APP_CONFIG, AppConfig } from '@maillage/config';
import { JobName, JobRunEntity, JobRunsService, JobsService } from '@maillage/jobs';
import { ScoringChunkEntity } from './scoring-chunk.entity';
import { ScoringDataRepository } from '@maillage/scoring-population';
import { ScoringEngineService } from './scoring-engine.service';
import { PopulationService } from '@maillage/scoring-population';
import { COMPLEMENTARITY_ERRORS } from './complementarity.errors';

const KIND = JobName.SCORING_REBUILD;

export interface RebuildScope {
  territory: string | null;
}

export function scopeLabel(scope: RebuildScope): string {
  return scope.territory ? `territory:${scope.territory}` : 'all';
}

function parseScope(label: string): RebuildScope {
  return { territory: label.startsWith('territory:') ? label.slice('territory:'.length) : null };
}

/**
 * Full or territorial rebuilds: a run (job_runs) planned into chunks (scoring_chunks) that any
 * worker process may take. Every step is safe to redeliver: planning inserts the same chunks,
 * a completed chunk is skipped, progress is counted once per chunk.
 */
@Injectable()
export class ScoringRunsService {
  private readonly logger = new Logger(ScoringRunsService.name);

  constructor(
    private readonly runs: JobRunsService,
    private readonly jobs: JobsService,
    private readonly data: ScoringDataRepository,
    private readonly engine: ScoringEngineService,
    private readonly population: PopulationService,
    @InjectRepository(ScoringChunkEntity) private readonly chunks: Repository<ScoringChunkEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(scope: RebuildScope, requestedBy: string | null): Promise<JobRunEntity> {
    if (scope.territory !== null && !(await this.data.territory(scope.territory))) {
      throw COMPLEMENTARITY_ERRORS.badInput(`scope.territory: unknown territory ${scope.territory}`, {
        field: ['scope', 'territory'],
        reason: 'unknown_territory',
      });
    }
    const run = await this.runs.startRun(
      JobName.SCORING_REBUILD,
      { kind: KIND, scope: scopeLabel(scope), requestedBy },
      (runId) => ({ runId }),
    );
    return this.runs.get(run.id);
  }

  async get(id: string): Promise<JobRunEntity> {
    const run = await this.runs.find(id);
    if (!run || run.kind !== KIND)
      throw COMPLEMENTARITY_ERRORS.notFound(`Scoring run ${id} not found`, {
        field: ['id'],
        reason: 'unknown_scoring_run',
      });
    return run;
  }

  /** SCORING_REBUILD: freeze the scope's actor ids into chunks (once), then enqueue the unfinished ones. */
  async plan(runId: string): Promise<{ chunks: number; actors: number } | undefined> {
    const run = await this.runs.find(runId);
    if (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED') return undefined;
    let planned = await this.chunks.find({ where: { runId }, order: { chunk: 'ASC' } });
    if (planned.length === 0) {
      const ids = await this.data.scopeActorIds(parseScope(run.scope).territory);
      const rows: Partial<ScoringChunkEntity>[] = [];
      // Actors per chunk: small enough to spread over workers, big enough to amortise a write batch.
      const size = this.config.SCORING_CHUNK_SIZE;
      for (let i = 0, c = 0; i < ids.length; i += size, c++)
        rows.push({ runId, chunk: c, actorIds: ids.slice(i, i + size), completedAt: null });
      if (rows.length) await this.chunks.createQueryBuilder().insert().values(rows).orIgnore().execute();
      await this.runs.start(runId, ids.length);
      await this.runs.addProgress(runId, 0, { actors: 0, edges: 0, chunks: rows.length, chunksDone: 0 });
      if (rows.length === 0) {
        await this.runs.succeed(runId, { actors: 0, edges: 0 });
        return { chunks: 0, actors: 0 };
      }
      planned = await this.chunks.find({ where: { runId }, order: { chunk: 'ASC' } });
    } else {
      await this.runs.start(
        runId,
        planned.reduce((n, c) => n + c.actorIds.length, 0),
      );
    }
    for (const c of planned.filter((c) => !c.completedAt))
      await this.jobs.enqueue(JobName.SCORING_CHUNK, { runId, chunk: c.chunk });
    return { chunks: planned.length, actors: planned.reduce((n, c) => n + c.actorIds.length, 0) };
  }

  /** SCORING_CHUNK: score and write one chunk, count it once, close the run after the last one. */
  async runChunk(runId: string, chunk: number): Promise<{ actors: number; edges: number } | undefined> {
    const row = await this.chunks.findOne({ where: { runId, chunk } });
    if (!row || row.completedAt) return undefined; // unknown or already done: at-least-once delivery
    const run = await this.runs.find(runId);
    if (!run || run.status === 'FAILED') return undefined;
    const snapshot = await this.population.since(run.startedAt ?? run.createdAt);
    const result = await this.engine.scoreAndWrite(snapshot, row.actorIds);
    // Only the first completion counts (a redelivered chunk rewrote the same edges).
    const done = await this.chunks.update(
      { runId, chunk, completedAt: IsNull() },
      { completedAt: new Date(), edges: result.edges },
    );
    if (!done.affected) return result;
    await this.runs.addProgress(runId, row.actorIds.length, {
      actors: result.actors,
      edges: result.edges,
      chunksDone: 1,
    });
    const remaining = await this.chunks.count({ where: { runId, completedAt: IsNull() } });
    if (remaining === 0) {
      const fresh = await this.runs.find(runId);
      await this.runs.succeed(runId, { ...(fresh?.counts ?? {}) });
      this.logger.log(`scoring run ${runId} succeeded`);
    }
    return result;
  }
}
