import { JobName } from './job-contract';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService, RedisUnavailableError } from './jobs.service';
import { RESCORE_BATCH, ScoringRequests } from './scoring-requests';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `act_${i}`);

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

  it('is best effort: a failed enqueue neither throws nor stops the others', async () => {
    const jobs = {
      enqueue: jest.fn(async (_: JobName, p: { actorIds: string[] }) => {
        if (p.actorIds[0] === 'act_0') throw new Error('Connection is closed.');
        return 'job';
      }),
    };
    await expect(
      new ScoringRequests(jobs as unknown as JobsService).rescoreActors(ids(RESCORE_BATCH + 1)),
    ).resolves.toBeUndefined();
    expect(jobs.enqueue).toHaveBeenCalledTimes(2);
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
