import { JobName } from './job-contract';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService, RedisUnavailableError } from './jobs.service';
import { RESCORE_BATCH, ScoringRequests } from './scoring-requests';

/** n actor ids, already in the sorted order batches are cut in. */
const ids = (n: number) => Array.from({ length: n }, (_, i) => `act_${String(i).padStart(4, '0')}`);

describe('ScoringRequests.rescoreActors', () => {
  it('enqueues one SCORE_ACTOR for one actor (deduplicated per actor while pending)', async () => {
    const jobs = { enqueue: jest.fn(async () => 'job') };
    await new ScoringRequests(jobs as unknown as JobsService).rescoreActors(['a', 'a']);
    expect(jobs.enqueue.mock.calls).toEqual([[JobName.SCORE_ACTOR, { actorId: 'a' }]]);
  });

  it('enqueues actors changed together as SCORE_ACTORS batches of distinct actors', async () => {
    const jobs = { enqueue: jest.fn(async () => 'job') };
    const all = ids(RESCORE_BATCH * 2 + 5);
    await new ScoringRequests(jobs as unknown as JobsService).rescoreActors([...all, all[0]]);
    expect(jobs.enqueue.mock.calls).toEqual([
      [JobName.SCORE_ACTORS, { actorIds: all.slice(0, RESCORE_BATCH) }],
      [JobName.SCORE_ACTORS, { actorIds: all.slice(RESCORE_BATCH, 2 * RESCORE_BATCH) }],
      [JobName.SCORE_ACTORS, { actorIds: all.slice(2 * RESCORE_BATCH) }],
    ]);
  });

  it('does nothing for no actor', async () => {
    const jobs = { enqueue: jest.fn(async () => 'job') };
    await new ScoringRequests(jobs as unknown as JobsService).rescoreActors([]);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('cuts the same batches whatever the order the actors come in (so repeats deduplicate)', async () => {
    const jobs = { enqueue: jest.fn(async () => 'job') };
    const all = ids(RESCORE_BATCH + 5);
    await new ScoringRequests(jobs as unknown as JobsService).rescoreActors([...all].reverse());
    expect(jobs.enqueue.mock.calls).toEqual([
      [JobName.SCORE_ACTORS, { actorIds: all.slice(0, RESCORE_BATCH) }],
      [JobName.SCORE_ACTORS, { actorIds: all.slice(RESCORE_BATCH) }],
    ]);
  });

  it('is best effort: a failed enqueue neither throws nor stops the others, and is deferred', async () => {
    const all = ids(RESCORE_BATCH + 1);
    const jobs = {
      enqueue: jest.fn(async (_: JobName, p: { actorIds: string[] }) => {
        if (p.actorIds[0] === all[0]) throw new Error('Connection is closed.');
        return 'job';
      }),
    };
    const deferrals = { deferQuietly: jest.fn(async () => undefined) };
    await expect(
      new ScoringRequests(jobs as unknown as JobsService, deferrals as unknown as JobDeferrals).rescoreActors(
        all,
      ),
    ).resolves.toBeUndefined();
    expect(jobs.enqueue).toHaveBeenCalledTimes(2);
    expect(deferrals.deferQuietly).toHaveBeenCalledWith(JobName.SCORE_ACTORS, [
      { actorIds: all.slice(0, RESCORE_BATCH) },
    ]);
  });
});

describe('ScoringRequests.rescoreActors while Redis is unavailable', () => {
  it('stops waiting on Redis after the first failure and defers every batch in one write', async () => {
    const jobs = {
      enqueue: jest.fn(async () => {
        throw new RedisUnavailableError(JobName.SCORE_ACTORS);
      }),
    };
    const deferrals = { deferQuietly: jest.fn(async () => undefined) };
    const all = ids(RESCORE_BATCH + 3);
    await new ScoringRequests(
      jobs as unknown as JobsService,
      deferrals as unknown as JobDeferrals,
    ).rescoreActors(all);
    expect(jobs.enqueue).toHaveBeenCalledTimes(1);
    expect(deferrals.deferQuietly).toHaveBeenCalledWith(JobName.SCORE_ACTORS, [
      { actorIds: all.slice(0, RESCORE_BATCH) },
      { actorIds: all.slice(RESCORE_BATCH) },
    ]);
  });

  it('defers a single actor as SCORE_ACTOR', async () => {
    const jobs = {
      enqueue: jest.fn(async () => {
        throw new RedisUnavailableError(JobName.SCORE_ACTOR);
      }),
    };
    const deferrals = { deferQuietly: jest.fn(async () => undefined) };
    await new ScoringRequests(
      jobs as unknown as JobsService,
      deferrals as unknown as JobDeferrals,
    ).rescoreActors(['a']);
    expect(deferrals.deferQuietly).toHaveBeenCalledWith(JobName.SCORE_ACTOR, [{ actorId: 'a' }]);
  });
});
