import { Injectable, Logger } from '@nestjs/common';
import { JobName } from './job-contract';
import { errorKind } from './job-failure';
import { JobsService } from './jobs.service';

/**
 * The one "rescore these actors" entry point, for every write that changes what scores depend on
 * (profile edits, imports, alliances). It lives beside the jobs contract so that the actors lib,
 * which the scoring lib depends on, can use it without a cycle.
 */
@Injectable()
export class ScoringRequests {
  private readonly logger = new Logger(ScoringRequests.name);

  constructor(private readonly jobs: JobsService) {}

  /**
   * Best effort, never throws: the change is already saved, and a rescore that could not be queued
   * is caught by the next rebuild. SCORE_ACTOR is deduplicated per actor while pending.
   */
  async rescoreActors(actorIds: Iterable<string>): Promise<void> {
    for (const actorId of new Set(actorIds)) {
      try {
        await this.jobs.enqueue(JobName.SCORE_ACTOR, { actorId });
      } catch (err) {
        this.logger.warn(`could not enqueue rescoring of ${actorId}: ${errorKind(err)}`);
      }
    }
  }
}
