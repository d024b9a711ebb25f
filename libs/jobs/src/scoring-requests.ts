import { Injectable, Logger } from '@nestjs/common';
import { JobName } from './job-contract';
import { errorKind } from './job-failure';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService, RedisUnavailableError } from './jobs.service';

/**
 * The one "rescore these actors" entry point, for every write that changes what scores depend on
 * (profile edits, imports, alliances). It lives beside the jobs contract so that the actors lib,
 * which the scoring lib depends on, can use it without a cycle.
 */
@Injectable()
export class ScoringRequests {
  private readonly logger = new Logger(ScoringRequests.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly deferrals?: JobDeferrals,
  ) {}

  /**
   * Never throws and never waits on Redis: the change is already saved. A rescore Redis does not
   * take (it fails fast) is recorded in PostgreSQL (deferred_jobs) and enqueued by the worker's
   * sweeper once Redis is back. SCORE_ACTOR is deduplicated per actor while pending.
   */
  async rescoreActors(actorIds: Iterable<string>): Promise<void> {
    const missed: string[] = [];
    let redisDown = false;
    for (const actorId of new Set(actorIds)) {
      if (redisDown) {
        missed.push(actorId); // Redis just failed: do not wait on it once per actor
        continue;
      }
      try {
        await this.jobs.enqueue(JobName.SCORE_ACTOR, { actorId });
      } catch (err) {
        this.logger.warn(`could not enqueue rescoring of ${actorId}: ${errorKind(err)}; deferred`);
        redisDown = err instanceof RedisUnavailableError;
        missed.push(actorId);
      }
    }
    if (missed.length && this.deferrals)
      await this.deferrals.deferQuietly(
        JobName.SCORE_ACTOR,
        missed.map((actorId) => ({ actorId })),
      );
  }
}
