import { JobName } from './job-contract';
import { JobsService } from './jobs.service';
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
