import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { APP_CONFIG } from '@maillage/config';
import { JobName, JobPayload, QUEUE_OF_JOB } from './job-contract';
import { JobHandler } from './job-handler.decorator';
import { JobContext } from './job-handler-registry';
import { JobRunsService } from './job-runs.service';
import { JobWorkerService } from './job-worker.service';

/** A driver-like error whose message carries personal data: it must never reach a run or a log. */
class QueryFailedError extends Error {
  code = '23505';
  constructor() {
    super('duplicate key value (email)=(paul@example.org)');
    this.name = 'QueryFailedError';
  }
}

const cleaned: string[] = [];
let failNext = true;

@Injectable()
class Handlers {
  @JobHandler(JobName.IMPORT_ACTORS_CSV, {
    run: (p) => p.runId,
    giveUpReason: ({ kind }) => `The import stopped (${kind})`,
  })
  async importCsv(payload: JobPayload<JobName.IMPORT_ACTORS_CSV>, ctx: JobContext) {
    ctx.onGiveUp(async () => void cleaned.push(payload.runId));
    if (failNext) throw new QueryFailedError();
    return 'imported';
  }

  @JobHandler(JobName.SCORING_CHUNK, { run: (p) => p.runId })
  async chunk() {
    throw new QueryFailedError();
  }

  @JobHandler(JobName.SCORE_ACTOR)
  async scoreActor() {
    throw new QueryFailedError();
  }

  @JobHandler(JobName.SCORE_ACTORS) async scoreActors() {}
  @JobHandler(JobName.SCORING_REBUILD, { run: (p) => p.runId }) async rebuild() {}
  @JobHandler(JobName.GENERATE_SCHEDULE, { run: (p) => p.runId }) async schedule() {}
  @JobHandler(JobName.RELAY_OUTBOX) async relay() {}
}

function job<N extends JobName>(name: N, data: JobPayload<N>, attemptsMade: number, attempts = 3): Job {
  return {
    name,
    data,
    id: `${name}.1`,
    queueName: QUEUE_OF_JOB[name],
    attemptsMade,
    opts: { attempts },
    updateProgress: async () => undefined,
  } as unknown as Job;
}

describe('JobWorkerService', () => {
  const runs = { giveUp: jest.fn(async () => true) };
  let worker: JobWorkerService;

  beforeAll(async () => {
    const ref = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        JobWorkerService,
        Handlers,
        { provide: JobRunsService, useValue: runs },
        { provide: APP_CONFIG, useValue: {} },
      ],
    }).compile();
    worker = ref.get(JobWorkerService);
  });

  beforeEach(() => {
    runs.giveUp.mockClear();
    cleaned.length = 0;
    failNext = true;
  });

  it('leaves the run alone while attempts remain, and rethrows for BullMQ to retry', async () => {
    await expect(worker.process(job(JobName.IMPORT_ACTORS_CSV, { runId: 'r1' }, 1))).rejects.toThrow(
      QueryFailedError,
    );
    expect(runs.giveUp).not.toHaveBeenCalled();
    expect(cleaned).toEqual([]);
  });

  it('on the last attempt runs the clean-ups, then fails the run with the error kind only', async () => {
    await expect(worker.process(job(JobName.IMPORT_ACTORS_CSV, { runId: 'r1' }, 2))).rejects.toThrow(
      QueryFailedError,
    );
    expect(cleaned).toEqual(['r1']);
    expect(runs.giveUp).toHaveBeenCalledWith('r1', 'The import stopped (QueryFailedError 23505)');
    expect(JSON.stringify(runs.giveUp.mock.calls)).not.toContain('example.org');
  });

  it('uses "<job>: <kind>" when the handler names no reason', async () => {
    await expect(
      worker.process(job(JobName.SCORING_CHUNK, { runId: 'r2', chunk: 0 }, 4, 5)),
    ).rejects.toThrow();
    expect(runs.giveUp).toHaveBeenCalledWith('r2', 'scoring-chunk: QueryFailedError 23505');
  });

  it('gives up without touching any run when the handler declares none', async () => {
    await expect(worker.process(job(JobName.SCORE_ACTOR, { actorId: 'a' }, 0, 1))).rejects.toThrow();
    expect(runs.giveUp).not.toHaveBeenCalled();
  });

  it('returns what the handler returns, and registered clean-ups do not run on success', async () => {
    failNext = false;
    await expect(worker.process(job(JobName.IMPORT_ACTORS_CSV, { runId: 'r3' }, 2))).resolves.toBe(
      'imported',
    );
    expect(cleaned).toEqual([]);
    expect(runs.giveUp).not.toHaveBeenCalled();
  });

  it('refuses a job delivered on another queue than its own', async () => {
    const misrouted = { ...job(JobName.SCORE_ACTOR, { actorId: 'a' }, 0), queueName: 'import' } as Job;
    await expect(worker.process(misrouted)).rejects.toThrow('no handler for score-actor');
  });
});
