import { JobName } from './job-contract';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService, RedisUnavailableError } from './jobs.service';
import { ScoringRequests } from './scoring-requests';

describe('ScoringRequests.rescoreActors', () => {
  it('enqueues one SCORE_ACTOR per distinct actor', async () => {
    const jobs = { enqueue: jest.fn(async () => 'job') };
    await new ScoringRequests(jobs as unknown as JobsService).rescoreActors(['a', 'b', 'a']);
    expect(jobs.enqueue.mock.calls).toEqual([
      [JobName.SCORE_ACTOR, { actorId: 'a' }],
      [JobName.SCORE_ACTOR, { actorId: 'b' }],
    ]);
  });

  it('is best effort: a failed enqueue neither throws nor stops the others', async () => {
    const jobs = {
      enqueue: jest.fn(async (_: JobName, p: { actorId: string }) => {
        if (p.actorId === 'a') throw new Error('Connection is closed.');
        return 'job';
      }),
    };
    await expect(
      new ScoringRequests(jobs as unknown as JobsService).rescoreActors(['a', 'b']),
    ).resolves.toBeUndefined();
    expect(jobs.enqueue).toHaveBeenCalledTimes(2);
  });
});

describe('ScoringRequests.rescoreActors while Redis is unavailable', () => {
  it('stops waiting on Redis after the first failure and defers every rescore in one write', async () => {
    const jobs = {
      enqueue: jest.fn(async () => {
        throw new RedisUnavailableError(JobName.SCORE_ACTOR);
      }),
    };
    const deferrals = { deferQuietly: jest.fn(async () => undefined) };
    await new ScoringRequests(
      jobs as unknown as JobsService,
      deferrals as unknown as JobDeferrals,
    ).rescoreActors(['a', 'b', 'c']);
    expect(jobs.enqueue).toHaveBeenCalledTimes(1);
    expect(deferrals.deferQuietly).toHaveBeenCalledWith(JobName.SCORE_ACTOR, [
      { actorId: 'a' },
      { actorId: 'b' },
      { actorId: 'c' },
    ]);
  });
});
