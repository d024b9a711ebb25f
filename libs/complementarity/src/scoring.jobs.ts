import { Injectable, Logger } from '@nestjs/common';
import { JOB_POLICIES, JobContext, JobHandler, JobName, JobPayload } from '@maillage/jobs';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringRunsService } from './scoring-runs.service';

/** The scoring queue's handlers. Each re-reads state and is safe to run twice. */
@Injectable()
export class ScoringJobs {
  private readonly logger = new Logger(ScoringJobs.name);

  constructor(
    private readonly engine: ScoringEngineService,
    private readonly runs: ScoringRunsService,
  ) {}

  @JobHandler(JobName.SCORE_ACTOR)
  async scoreActor(payload: JobPayload<JobName.SCORE_ACTOR>) {
    return this.engine.rescoreActor(payload.actorId);
  }

  @JobHandler(JobName.SCORING_REBUILD)
  async rebuild(payload: JobPayload<JobName.SCORING_REBUILD>, ctx: JobContext) {
    return this.failRunOnLastAttempt(JobName.SCORING_REBUILD, payload.runId, ctx, () =>
      this.runs.plan(payload.runId),
    );
  }

  @JobHandler(JobName.SCORING_CHUNK)
  async chunk(payload: JobPayload<JobName.SCORING_CHUNK>, ctx: JobContext) {
    return this.failRunOnLastAttempt(JobName.SCORING_CHUNK, payload.runId, ctx, () =>
      this.runs.runChunk(payload.runId, payload.chunk),
    );
  }

  /** A run whose job gave up is marked FAILED, so clients polling it stop. */
  private async failRunOnLastAttempt<T>(
    name: JobName,
    runId: string,
    ctx: JobContext,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (ctx.attempt >= JOB_POLICIES[name].attempts) {
        this.logger.error(`${name} of run ${runId} gave up: ${(err as Error).message}`);
        await this.runs.fail(runId, `${name}: ${(err as Error).message}`);
      }
      throw err;
    }
  }
}
