import { JobName } from './job-contract';
import { JobRunEntity } from './job-run.entity';
import { DEFAULT_ENQUEUE_FAILURE, JobEnqueueError, JobRunsService } from './job-runs.service';
import { JobsService, RedisUnavailableError } from './jobs.service';

/** An in-memory job_runs table: enough for the create / enqueue / fail sequence. */
function setup(enqueue: () => Promise<string>) {
  const rows = new Map<string, Partial<JobRunEntity>>();
  const repo = {
    create: (x: Partial<JobRunEntity>) => x,
    save: async (x: Partial<JobRunEntity>) => {
      const row = { ...x, id: `run-${rows.size + 1}` };
      rows.set(row.id, row);
      return row;
    },
    update: async (where: { id: string }, patch: Partial<JobRunEntity>) => {
      rows.set(where.id, { ...rows.get(where.id), ...patch });
      return { affected: 1 };
    },
  };
  const jobs = { enqueue: jest.fn(enqueue) };
  const service = new JobRunsService(repo as never, jobs as unknown as JobsService);
  return { rows, jobs, service };
}

describe('JobRunsService.startRun', () => {
  it('records the run, then enqueues the job whose payload names it', async () => {
    const { rows, jobs, service } = setup(async () => 'job');
    const steps: string[] = [];
    jobs.enqueue.mockImplementation(async () => {
      steps.push('enqueue');
      return 'job';
    });
    const run = await service.startRun(
      JobName.GENERATE_SCHEDULE,
      { kind: 'generate-schedule-keep-locked', scope: 'event-1', requestedBy: null, totalUnits: 4 },
      (runId) => ({ runId, eventId: 'event-1', keepLocked: true }),
      { prepare: async () => void steps.push('prepare') },
    );
    expect(steps).toEqual(['prepare', 'enqueue']);
    expect(jobs.enqueue).toHaveBeenCalledWith(JobName.GENERATE_SCHEDULE, {
      runId: run.id,
      eventId: 'event-1',
      keepLocked: true,
    });
    expect(rows.get(run.id)).toMatchObject({
      kind: 'generate-schedule-keep-locked',
      status: 'QUEUED',
      totalUnits: 4,
    });
  });

  it('marks the run FAILED, undoes prepare() and throws a JobEnqueueError when the enqueue fails', async () => {
    const { rows, service } = setup(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6379'), { code: 'ECONNREFUSED' });
    });
    const undone: string[] = [];
    const err = await service
      .startRun(JobName.SCORING_REBUILD, { scope: 'all', requestedBy: 'u1' }, (runId) => ({ runId }), {
        undo: async (r) => void undone.push(r.id),
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobEnqueueError);
    expect(err).toMatchObject({ job: JobName.SCORING_REBUILD, runId: 'run-1' });
    expect(undone).toEqual(['run-1']);
    expect(rows.get('run-1')).toMatchObject({
      kind: JobName.SCORING_REBUILD,
      status: 'FAILED',
      error: DEFAULT_ENQUEUE_FAILURE,
    });
  });

  it('uses the caller’s message for the failed run', async () => {
    const { rows, service } = setup(async () => Promise.reject(new Error('down')));
    await expect(
      service.startRun(
        JobName.IMPORT_ACTORS_CSV,
        { scope: 'actors', requestedBy: null },
        (runId) => ({ runId }),
        {
          enqueueFailure: 'The import could not be queued; please retry',
        },
      ),
    ).rejects.toBeInstanceOf(JobEnqueueError);
    expect(rows.get('run-1')).toMatchObject({
      status: 'FAILED',
      error: 'The import could not be queued; please retry',
    });
  });
});

describe('JobRunsService.startRun while Redis is unavailable', () => {
  it('keeps the run QUEUED with its job recorded, for the sweeper to enqueue once Redis is back', async () => {
    const { rows, service } = setup(async () => {
      throw new RedisUnavailableError(JobName.SCORING_REBUILD);
    });
    const undone: string[] = [];
    const run = await service.startRun(
      JobName.SCORING_REBUILD,
      { scope: 'all', requestedBy: 'u1' },
      (runId) => ({ runId }),
      { undo: async (r) => void undone.push(r.id) },
    );
    expect(undone).toEqual([]);
    expect(rows.get(run.id)).toMatchObject({
      status: 'QUEUED',
      jobName: JobName.SCORING_REBUILD,
      jobPayload: { runId: run.id },
    });
  });
});
