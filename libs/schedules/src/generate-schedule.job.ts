import { Injectable } from '@nestjs/common';
import { DomainError } from '@maillage/common';
import { JobContext, JobHandler, JobName, JobPayload, JobRunsService } from '@maillage/jobs';
import { ScheduleGenerationService } from './schedule-generation.service';
import { REGENERATE_UNLOCKED_KIND } from './schedule-runs.service';
import { SchedulesRepository } from './schedules.repository';

/**
 * Builds a draft schedule in the worker. Safe to run twice: a finished run returns at once, and a
 * retry after the save finds the schedule by its job run (unique) instead of saving another.
 */
@Injectable()
export class GenerateScheduleJob {
  constructor(
    private readonly runs: JobRunsService,
    private readonly schedules: ScheduleGenerationService,
    private readonly repo: SchedulesRepository,
  ) {}

  // On the last failed attempt the worker marks the run FAILED with this reason (one place for all jobs).
  @JobHandler(JobName.GENERATE_SCHEDULE, {
    run: (p) => p.runId,
    giveUpReason: ({ name }) => `Schedule generation stopped on an internal error (${name})`,
  })
  async handle(payload: JobPayload<JobName.GENERATE_SCHEDULE>, ctx: JobContext): Promise<unknown> {
    const run = await this.runs.find(payload.runId);
    if (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED') return undefined;
    const done = await this.repo.findByJobRun(run.id);
    if (done) {
      await this.runs.succeed(run.id, { scheduleId: done.id, version: done.version });
      return { scheduleId: done.id };
    }
    await this.runs.start(run.id, 4);
    try {
      let step = 0;
      const schedule = await this.schedules.generate(
        run.id,
        payload.eventId,
        async () => {
          step++;
          await this.runs.addProgress(run.id, 1);
          await ctx.updateProgress(step / 4);
        },
        // Jobs queued before the flag moved into the payload carry it in the run kind.
        payload.keepLocked ?? run.kind === REGENERATE_UNLOCKED_KIND,
        payload.objective ?? 'SUM',
      );
      await this.runs.succeed(run.id, {
        scheduleId: schedule.id,
        version: schedule.version,
        totalScore: schedule.totalScore,
        upperBound: schedule.upperBound,
        objective: schedule.objective,
        wishes: { ...schedule.wishes },
      });
      return { scheduleId: schedule.id };
    } catch (err) {
      if (err instanceof DomainError) {
        // The organiser can act on it (e.g. too few participants): no retry.
        await this.runs.fail(run.id, err.message);
        return undefined;
      }
      throw err;
    }
  }
}
