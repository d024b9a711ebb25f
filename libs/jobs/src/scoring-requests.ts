import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayload } from './job-contract';
import { errorKind } from './job-failure';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService, RedisUnavailableError } from './jobs.service';

/** Actors per SCORE_ACTORS job: with ~50 affected lists each, a few thousand lists per job. */
export const RESCORE_BATCH = 100;

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
   * sweeper once Redis is back. One actor: SCORE_ACTOR, deduplicated per actor while pending.
   * Several: SCORE_ACTORS batches of RESCORE_BATCH, each rescored in one pass (one population
   * refresh, the union of the affected lists written once) instead of one job per actor.
   */
  async rescoreActors(actorIds: Iterable<string>): Promise<void> {
    // sorted: the same set of actors makes the same batches, so a repeated request is deduplicated
    const ids = [...new Set(actorIds)].sort();
    if (ids.length === 0) return;
    if (ids.length === 1) return this.enqueueOrDefer(JobName.SCORE_ACTOR, [{ actorId: ids[0] }]);
    const batches: { actorIds: string[] }[] = [];
    for (let i = 0; i < ids.length; i += RESCORE_BATCH)
      batches.push({ actorIds: ids.slice(i, i + RESCORE_BATCH) });
    return this.enqueueOrDefer(JobName.SCORE_ACTORS, batches);
  }

  private async enqueueOrDefer<N extends JobName.SCORE_ACTOR | JobName.SCORE_ACTORS>(
    name: N,
    payloads: JobPayload<N>[],
  ): Promise<void> {
    const missed: JobPayload<N>[] = [];
    let redisDown = false;
    for (const payload of payloads) {
      if (redisDown) {
        missed.push(payload); // Redis just failed: do not wait on it once per job
        continue;
      }
      try {
        await this.jobs.enqueue(name, payload);
      } catch (err) {
        this.logger.warn(`could not enqueue ${name} (${rescoredBy(payload)}): ${errorKind(err)}; deferred`);
        redisDown = err instanceof RedisUnavailableError;
        missed.push(payload);
      }
    }
    if (missed.length && this.deferrals) await this.deferrals.deferQuietly(name, missed);
  }
}

/** What a rescore job covers, for logs: ids only (actors are organisations, not persons). */
function rescoredBy(p: JobPayload<JobName.SCORE_ACTOR> | JobPayload<JobName.SCORE_ACTORS>): string {
  return 'actorId' in p ? p.actorId : `${p.actorIds.length} actors`;
}
