import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { JobName, JobRunEntity, JobRunsService } from '@maillage/jobs';
import {
  EventStatus,
  EventsService,
  assertManages,
  assertStatus,
  checkUuid,
  notFound,
} from '@maillage/events';
import { SCHEDULE_ERRORS } from './schedules.errors';
import { ScheduleObjective } from '@maillage/schedule-objectives';
import { ScheduleRun } from './models/schedule.models';
import { requireParticipants } from './schedule-solver';
import { SchedulesRepository } from './schedules.repository';

export const GENERATE_SCHEDULE_KIND = 'generate-schedule';
/** Same job, keeping the locked meetings of the current schedule and re-planning the rest. */
export const REGENERATE_UNLOCKED_KIND = 'generate-schedule-keep-locked';
const GENERATION_KINDS = [GENERATE_SCHEDULE_KIND, REGENERATE_UNLOCKED_KIND];

/** Queueing a schedule generation, and the run the organiser follows. */
@Injectable()
export class ScheduleRunsService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly runs: JobRunsService,
  ) {}

  /** Queues the optimisation; the organiser follows the returned run. */
  async requestGeneration(
    p: Principal,
    eventId: string,
    keepLocked = false,
    objective: ScheduleObjective = ScheduleObjective.SUM,
  ): Promise<ScheduleRun> {
    const event = await this.events.managed(p, eventId);
    assertStatus(
      event.status,
      [EventStatus.OPEN, EventStatus.SCHEDULED, EventStatus.PUBLISHED],
      'generate a schedule',
    );
    requireParticipants(await this.events.findRegistrations(event.id));
    if (p.kind !== 'user') throw new Error('unreachable: managed() checked the principal');
    if (keepLocked) {
      const current = await this.repo.current(event.id);
      if (!current)
        throw SCHEDULE_ERRORS.badField(
          'there is no schedule to keep locked meetings from',
          ['keepLocked'],
          'no_schedule',
        );
    }
    const kind = keepLocked ? REGENERATE_UNLOCKED_KIND : GENERATE_SCHEDULE_KIND;
    const run = await this.runs.startRun(
      JobName.GENERATE_SCHEDULE,
      { kind, scope: event.id, requestedBy: p.userId, totalUnits: 4 },
      (runId) => ({ runId, eventId: event.id, keepLocked, objective }),
    );
    return toScheduleRun(run);
  }

  async run(p: Principal, id: string): Promise<ScheduleRun> {
    checkUuid(id, ['id'], 'Job_run');
    const run = await this.runs.get(id);
    if (!GENERATION_KINDS.includes(run.kind)) throw notFound('Job_run', id, ['id']);
    const event = await this.events.load(run.scope, ['id']);
    assertManages(p, event, ['id']);
    return toScheduleRun(run);
  }
}

export function toScheduleRun(run: JobRunEntity): ScheduleRun {
  const scheduleId = run.result?.scheduleId;
  const wishes = run.result?.wishes;
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    scheduleId: typeof scheduleId === 'string' ? scheduleId : null,
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    wishes: wishes && typeof wishes === 'object' ? (wishes as ScheduleRun['wishes']) : null,
  };
}
