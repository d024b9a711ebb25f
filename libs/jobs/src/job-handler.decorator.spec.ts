import 'reflect-metadata';
import { JobName, JobPayload } from './job-contract';
import { JOB_HANDLER, JobHandler } from './job-handler.decorator';
import { JobContext, JobHandlerMeta } from './job-handler-registry';

/**
 * Type-level checks: `npm run typecheck` compiles this file, and an `@ts-expect-error` that no
 * longer matches an error fails it. So each wrong declaration below is proven not to compile.
 */
class Handlers {
  @JobHandler(JobName.SCORE_ACTOR)
  async scoreActor(payload: JobPayload<JobName.SCORE_ACTOR>) {
    return payload.actorId;
  }

  @JobHandler(JobName.SCORING_CHUNK, { run: (p) => p.runId, giveUpReason: ({ kind }) => `chunk: ${kind}` })
  async chunk(payload: JobPayload<JobName.SCORING_CHUNK>, ctx: JobContext) {
    return payload.chunk + ctx.attempt;
  }

  // @ts-expect-error -- a score-actor handler cannot take another job's payload
  @JobHandler(JobName.SCORE_ACTOR)
  async wrongPayload(payload: JobPayload<JobName.SCORING_REBUILD>) {
    return payload.runId;
  }

  // @ts-expect-error -- nor a payload with fields the job does not carry
  @JobHandler(JobName.SCORING_REBUILD)
  async tooDemanding(payload: JobPayload<JobName.SCORING_CHUNK>) {
    return payload.chunk;
  }

  // @ts-expect-error -- a job that drives a run must name it, so the worker can fail it on give-up
  @JobHandler(JobName.SCORING_REBUILD)
  async forgetsItsRun(payload: JobPayload<JobName.SCORING_REBUILD>) {
    return payload.runId;
  }

  // @ts-expect-error -- handlers are async (the worker awaits them and retries on rejection)
  @JobHandler(JobName.SCORE_ACTOR)
  notAsync(payload: JobPayload<JobName.SCORE_ACTOR>) {
    return payload.actorId;
  }

  @JobHandler(JobName.SCORE_ACTOR, {
    // @ts-expect-error -- the run is read from the job's own payload type
    run: (p) => p.runId,
  })
  async noRunInPayload(payload: JobPayload<JobName.SCORE_ACTOR>) {
    return payload.actorId;
  }
}

describe('@JobHandler', () => {
  it('records the job name and its options for the worker', () => {
    const meta = Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.chunk) as JobHandlerMeta;
    expect(meta.name).toBe(JobName.SCORING_CHUNK);
    expect(meta.options.run?.({ runId: 'r1', chunk: 3 })).toBe('r1');
    expect(meta.options.giveUpReason?.({ name: 'Error', kind: 'Error' })).toBe('chunk: Error');
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.scoreActor)).toEqual({
      name: JobName.SCORE_ACTOR,
      options: {},
    });
  });
});
