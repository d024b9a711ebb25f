import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@maillage/jobs';
import { ScoringEngineService } from './scoring-engine.service';
import { ScoringRunsService } from './scoring-runs.service';

/**
 * The scoring queue's handlers. Each re-reads state and is safe to run twice. A rebuild or chunk
 * job that gives up fails its run (in the worker), so clients polling it stop.
 */
@Injectable()
export class ScoringJobs {
  constructor(
    private readonly engine: ScoringEngineService,
    private readonly runs: ScoringRunsService,
  ) {}

  @JobHandler(JobName.SCORE_ACTOR)
  async scoreActor(payload: JobPayload<JobName.SCORE_ACTOR>) {
    return this.engine.rescoreActor(payload.actorId);
  }

  @JobHandler(JobName.SCORE_ACTORS)
  async scoreActors(payload: JobPayload<JobName.SCORE_ACTORS>) {
    return this.engine.rescoreActors(payload.actorIds);
  }

  @JobHandler(JobName.SCORING_REBUILD, { run: (p) => p.runId })
  async rebuild(payload: JobPayload<JobName.SCORING_REBUILD>) {
    return this.runs.plan(payload.runId);
  }

  @JobHandler(JobName.SCORING_CHUNK, { run: (p) => p.runId })
  async chunk(payload: JobPayload<JobName.SCORING_CHUNK>) {
    return this.runs.runChunk(payload.runId, payload.chunk);
  }
}
