import { Injectable, Logger } from '@nestjs/common';
import { BadInputError, ConflictError } from '@maillage/common';
import { Principal } from '@maillage/auth';
import { JobName, JobRunEntity, JobRunsService, JobsService } from '@maillage/jobs';
import {
  ScheduleInfeasibleError,
  ScheduleInputError,
  ScheduleProblem,
  ScheduleResult,
  Violation,
  checkSchedule,
  lpUpperBound,
  optimiseSchedule,
  repairSchedule,
} from '@maillage/scheduling';
import { SimulationInput, SwapParticipantsInput } from './dto/event.inputs';
import { EventEntity } from './entities/event.entity';
import { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import { ScheduleEntity, StoredWeights } from './entities/schedule.entity';
import { assertManages } from './event-access';
import { EventStatus, ScheduleStatus } from './event-enums';
import { assertStatus, badInput, checkUuid, notFound } from './events.errors';
import { EventsService } from './events.service';
import { EventSimulation, Meeting, Schedule, ScheduleRun } from './models/event.models';
import { EventWeights, PairWeightsService } from './pair-weights.service';
import {
  buildScheduleProblem,
  quantise,
  toScheduleResult,
  triangleIndex,
  WEIGHT_SCALE,
} from './schedule-problem';
import { toMeetingModel, toScheduleModel } from './schedule-view';
import { NewMeeting, SchedulesRepository } from './schedules.repository';

export const GENERATE_SCHEDULE_KIND = 'generate-schedule';
/** Same job, keeping the locked meetings of the current schedule and re-planning the rest. */
export const REGENERATE_UNLOCKED_KIND = 'generate-schedule-keep-locked';
const GENERATION_KINDS = [GENERATE_SCHEDULE_KIND, REGENERATE_UNLOCKED_KIND];
/** The bound is reported, not needed: cap its solver time so a huge event still gets its plan. */
const BOUND_TIME_LIMIT_SECONDS = 20;
/** Checker findings a manual swap may not introduce. */
const HARD_VIOLATIONS = new Set<Violation['kind']>([
  'pair-twice',
  'must-not-meet',
  'excluded-pair',
  'same-side',
  'unavailable-round',
  'participant-twice-in-round',
  'unknown-participant',
]);

/** Schedules: what-if simulation, background generation, review (lock, swap), publication, live re-pairing. */
@Injectable()
export class SchedulesService {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly weights: PairWeightsService,
    private readonly runs: JobRunsService,
    private readonly jobs: JobsService,
  ) {}

  async simulate(p: Principal, eventId: string, input: SimulationInput = {}): Promise<EventSimulation> {
    const stored = await this.events.managed(p, eventId);
    const event: EventEntity = {
      ...stored,
      rounds: input.rounds ?? stored.rounds,
      tables: input.tables ?? stored.tables,
      seats: input.seats ?? stored.seats,
      maxMeetings:
        stored.maxMeetings === null ? null : Math.min(stored.maxMeetings, input.rounds ?? stored.rounds),
    };
    const regs = await this.registrationsFor(event);
    const w = await this.weights.forActors(regs.map((r) => r.actorId));
    const problem = buildScheduleProblem(event, regs, w.stored);
    const [result, bound] = await Promise.all([
      this.optimise(problem),
      lpUpperBound(problem, { timeLimitSeconds: BOUND_TIME_LIMIT_SECONDS }).catch(() => null),
    ]);
    const counts = result.perParticipant.map((x) => x.meetings);
    const seatsUsed = result.rounds.reduce(
      (sum, r) => sum + r.meetings.reduce((s, m) => s + m.participantIds.length, 0),
      0,
    );
    return {
      participants: regs.length,
      rounds: event.rounds,
      meetings: result.stats.meetings,
      fillRate: regs.length ? seatsUsed / (regs.length * event.rounds) : 0,
      totalScore: result.totalScore,
      upperBound: bound && Number.isFinite(bound.value) ? bound.value : null,
      averageMeetingsPerParticipant: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
      minMeetingsPerParticipant: counts.length ? Math.min(...counts) : 0,
      maxMeetingsPerParticipant: counts.length ? Math.max(...counts) : 0,
      perParticipant: result.perParticipant.map((x) => ({
        actorId: x.id,
        meetings: x.meetings,
        score: x.score,
      })),
      unplaced: result.unplaced.map((u) => ({ actorId: u.participantId, code: u.code, reason: u.reason })),
      algorithm: result.algorithm,
    };
  }

  /** Queues the optimisation; the organiser follows the returned run. */
  async requestGeneration(p: Principal, eventId: string, keepLocked = false): Promise<ScheduleRun> {
    const event = await this.events.managed(p, eventId);
    assertStatus(
      event.status,
      [EventStatus.OPEN, EventStatus.SCHEDULED, EventStatus.PUBLISHED],
      'generate a schedule',
    );
    await this.registrationsFor(event);
    if (p.kind !== 'user') throw new Error('unreachable: managed() checked the principal');
    if (keepLocked) {
      const current = await this.repo.current(event.id);
      if (!current)
        throw badInput('there is no schedule to keep locked meetings from', ['keepLocked'], 'no_schedule');
    }
    const kind = keepLocked ? REGENERATE_UNLOCKED_KIND : GENERATE_SCHEDULE_KIND;
    const run = await this.runs.create(kind, event.id, p.userId, 4);
    await this.jobs.enqueue(JobName.GENERATE_SCHEDULE, { runId: run.id, eventId: event.id });
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

  /**
   * The job's work: weights from the complementarity engine, optimisation, LP bound, then one
   * transaction saving the draft. Domain errors (e.g. too few participants) fail the run cleanly.
   */
  async generate(
    runId: string,
    eventId: string,
    onStep: () => Promise<void>,
    keepLocked = false,
  ): Promise<ScheduleEntity> {
    const event = await this.events.load(eventId);
    const regs = await this.registrationsFor(event);
    const w = await this.weights.forActors(regs.map((r) => r.actorId));
    await onStep();
    // Regenerating the unlocked part: the current schedule's locked meetings are kept as they are.
    const current = keepLocked ? await this.repo.current(event.id) : null;
    const locked = current ? (await this.repo.meetingsOf(current.id)).filter((m) => m.locked) : [];
    const problem = buildScheduleProblem(event, regs, w.stored, locked);
    const result = await this.optimise(problem);
    await onStep();
    const bound = await lpUpperBound(problem, { timeLimitSeconds: BOUND_TIME_LIMIT_SECONDS }).catch((err) => {
      this.logger.warn(`LP bound failed for event ${event.id}: ${(err as Error).name}`);
      return null;
    });
    await onStep();
    const schedule = await this.repo.saveNew({
      eventId: event.id,
      jobRunId: runId,
      algorithm: result.algorithm,
      totalScore: result.totalScore,
      upperBound: bound && Number.isFinite(bound.value) ? bound.value : null,
      unplaced: result.unplaced.map((u) => ({ ...u })),
      pairWeights: w.stored,
      meetings: meetingsOf(result, 0, w.explain, keepLocked),
    });
    await onStep();
    return schedule;
  }

  async schedule(p: Principal, eventId: string, version?: number): Promise<Schedule | null> {
    const event = await this.events.managed(p, eventId);
    const schedule = await this.repo.current(event.id, version);
    return schedule ? this.view(event, schedule) : null;
  }

  async lockMeeting(p: Principal, meetingId: string, locked: boolean): Promise<Meeting> {
    const { meeting, schedule } = await this.meetingForReview(p, meetingId);
    if (schedule.status === ScheduleStatus.ARCHIVED)
      throw new ConflictError('This schedule version is archived', {
        field: ['meetingId'],
        reason: 'archived',
      });
    await this.repo.meetings.update({ id: meeting.id }, { locked });
    const names = await this.events.names(meeting.participantIds);
    return toMeetingModel({ ...meeting, locked }, names);
  }

  /**
   * Review by hand: exchanges two participants' seats in one round of a draft (a participant on a
   * break takes the other's seat). Refused when it breaks a hard rule (pair meeting twice,
   * must-not-meet, allied pair, same side, unavailability), checked by the independent checker.
   */
  async swap(p: Principal, input: SwapParticipantsInput): Promise<Schedule> {
    checkUuid(input.scheduleId, ['input', 'scheduleId'], 'Schedule');
    const schedule = await this.repo.findById(input.scheduleId);
    if (!schedule) throw notFound('Schedule', input.scheduleId, ['input', 'scheduleId']);
    const event = await this.events.load(schedule.eventId, ['input', 'scheduleId']);
    assertManages(p, event, ['input', 'scheduleId']);
    if (schedule.status !== ScheduleStatus.DRAFT)
      throw new ConflictError('Only a draft schedule can be edited; re-pair a published one', {
        field: ['input', 'scheduleId'],
        reason: 'not_draft',
      });
    if (input.round > event.rounds)
      throw badInput(`the event has ${event.rounds} rounds`, ['input', 'round'], 'round_out_of_range');
    if (input.actorA === input.actorB)
      throw badInput('swap two different participants', ['input', 'actorB'], 'same_actor');
    const meetings = await this.repo.meetingsOf(schedule.id);
    const inRound = meetings.filter((m) => m.round === input.round);
    const seatOf = (id: string) => inRound.find((m) => m.participantIds.includes(id));
    const ma = seatOf(input.actorA);
    const mb = seatOf(input.actorB);
    const regs = await this.events.findRegistrations(event.id);
    const registered = new Set(regs.map((r) => r.actorId));
    for (const [key, id] of [
      ['actorA', input.actorA],
      ['actorB', input.actorB],
    ] as const) {
      if (!registered.has(id))
        throw badInput('not a participant of this event', ['input', key], 'not_registered');
    }
    if (!ma && !mb)
      throw badInput(
        'neither participant has a meeting in this round',
        ['input', 'round'],
        'nothing_to_swap',
      );
    if (ma === mb) throw badInput('both sit at the same table already', ['input', 'actorB'], 'same_meeting');
    if (ma?.locked || mb?.locked)
      throw new ConflictError('A locked meeting cannot change; unlock it first', {
        field: ['input'],
        reason: 'locked',
      });
    const replace = (m: MeetingEntity | undefined, from: string, to: string) => {
      if (m) m.participantIds = m.participantIds.map((id) => (id === from ? to : id));
    };
    replace(ma, input.actorA, input.actorB);
    replace(mb, input.actorB, input.actorA);
    const changed = [ma, mb].filter((m): m is MeetingEntity => !!m);
    const problem = buildScheduleProblem(event, regs, schedule.pairWeights);
    for (const m of changed) {
      m.score = meetingScore(schedule.pairWeights, m.participantIds);
      m.explanation = await this.explainOrNull(m.participantIds, m.explanation);
    }
    const result = toScheduleResult(problem, meetings, schedule.algorithm);
    const violations = checkSchedule(problem, result).filter((v) => HARD_VIOLATIONS.has(v.kind));
    if (violations.length) {
      throw new BadInputError(`Swap refused: ${violations[0].message}`, {
        field: ['input'],
        reason: violations[0].kind,
        problems: violations.map((v) => ({ field: ['input'], reason: v.kind, message: v.message })),
      });
    }
    await this.repo.saveSwap(schedule, changed, result.totalScore);
    return this.view(event, { ...schedule, totalScore: result.totalScore });
  }

  async publish(p: Principal, scheduleId: string): Promise<Schedule> {
    checkUuid(scheduleId, ['scheduleId'], 'Schedule');
    const schedule = await this.repo.findById(scheduleId);
    if (!schedule) throw notFound('Schedule', scheduleId, ['scheduleId']);
    const event = await this.events.load(schedule.eventId, ['scheduleId']);
    assertManages(p, event, ['scheduleId']);
    // Once live, agendas are in people's hands: changes go through re-pairing only.
    assertStatus(event.status, [EventStatus.SCHEDULED, EventStatus.PUBLISHED], 'publish a schedule', [
      'scheduleId',
    ]);
    if (schedule.status !== ScheduleStatus.DRAFT)
      throw new ConflictError(`Schedule version ${schedule.version} is ${schedule.status}`, {
        field: ['scheduleId'],
        reason: 'not_draft',
      });
    await this.repo.publish(schedule);
    const saved = await this.repo.findById(schedule.id);
    return this.view({ ...event, status: EventStatus.PUBLISHED }, saved ?? schedule);
  }

  /**
   * Live re-pairing between rounds: rounds before `fromRound` are played and kept, locked meetings
   * stay unless a participant is absent, absent participants get nothing from their absence on,
   * everyone else is re-matched (preferring their printed pairs). Synchronous: the stored pair
   * weights are reused, so the graph is not needed on the day.
   */
  async repair(p: Principal, eventId: string, fromRound: number): Promise<Schedule> {
    const event = await this.events.managed(p, eventId);
    assertStatus(event.status, [EventStatus.PUBLISHED, EventStatus.LIVE], 're-pair');
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > event.rounds)
      throw badInput(`must be between 1 and ${event.rounds}`, ['fromRound'], 'round_out_of_range');
    const schedule = await this.repo.published(event.id);
    if (!schedule) throw notFound('Schedule', event.id, ['eventId']);
    const started = Date.now();
    const regs = await this.events.findRegistrations(event.id);
    const meetings = await this.repo.meetingsOf(schedule.id);
    // Played rounds stand as they were; absences only count from the re-planned rounds on.
    const forRepair = regs.map((r) =>
      r.absentFromRound === null ? r : { ...r, absentFromRound: Math.max(r.absentFromRound, fromRound) },
    );
    const lockedAhead = meetings.filter((m) => m.locked && m.round >= fromRound);
    // Late arrivals keep the rounds already played (keepBefore) and miss those before they come.
    const problem = buildScheduleProblem(event, forRepair, schedule.pairWeights, lockedAhead, fromRound);
    const previous = toScheduleResult(problem, meetings, schedule.algorithm);
    const absentIds = regs
      .filter((r) => r.absentFromRound !== null && r.absentFromRound <= fromRound)
      .map((r) => r.actorId);
    const late = regs.filter(
      (r) => r.presentFromRound !== null && r.presentFromRound > fromRound && !absentIds.includes(r.actorId),
    );
    // One lateUntilRound for all: the earliest arrival; later ones are also cut by their availability.
    const lateUntil = late.length ? Math.min(...late.map((r) => r.presentFromRound ?? fromRound)) : fromRound;
    let result: ScheduleResult;
    try {
      result = await repairSchedule(problem, previous, {
        fromRound: fromRound - 1,
        absentIds,
        ...(late.length ? { lateIds: late.map((r) => r.actorId), lateUntilRound: lateUntil - 1 } : {}),
      });
    } catch (err) {
      throw asDomainError(err);
    }
    const known = explanationIndex(meetings);
    const explain = (ids: readonly string[]): MeetingExplanation | null => {
      const pairs = pairsIn(ids).map(([a, b]) => known.get(pairKey(a, b)));
      return pairs.every((x) => x) ? { pairs: pairs as MeetingExplanation['pairs'] } : null;
    };
    const next = meetingsOf(result, fromRound - 1, explain, true);
    for (const m of next)
      m.locked = lockedAhead.some((l) => l.round === m.round && sameSet(l.participantIds, m.participantIds));
    // New pairs: explain them from the graph when it answers; the plan never waits for it.
    const missing = next.filter((m) => !m.explanation);
    if (missing.length) {
      try {
        const w = await this.weights.forActors([...new Set(missing.flatMap((m) => m.participantIds))]);
        for (const m of missing) m.explanation = w.explain(m.participantIds);
      } catch (err) {
        this.logger.warn(`re-pairing explanations skipped: ${(err as Error).name}`);
      }
    }
    await this.repo.replaceFrom(schedule, fromRound, next, {
      totalScore: result.totalScore,
      unplaced: result.unplaced.map((u) => ({ ...u })),
      algorithm: result.algorithm,
    });
    this.logger.log(`event ${event.id} re-paired from round ${fromRound} in ${Date.now() - started} ms`);
    const saved = await this.repo.findById(schedule.id);
    return this.view({ ...event, status: EventStatus.LIVE }, saved ?? schedule);
  }

  async view(event: EventEntity, schedule: ScheduleEntity): Promise<Schedule> {
    const [meetings, regs] = await Promise.all([
      this.repo.meetingsOf(schedule.id),
      this.events.findRegistrations(event.id),
    ]);
    const ids = regs.map((r) => r.actorId);
    return toScheduleModel(event, schedule, meetings, ids, await this.events.names(ids));
  }

  private async meetingForReview(p: Principal, meetingId: string) {
    checkUuid(meetingId, ['meetingId'], 'Meeting');
    const meeting = await this.repo.findMeeting(meetingId);
    if (!meeting) throw notFound('Meeting', meetingId, ['meetingId']);
    const schedule = await this.repo.findById(meeting.scheduleId);
    if (!schedule) throw notFound('Meeting', meetingId, ['meetingId']);
    const event = await this.events.load(schedule.eventId, ['meetingId']);
    assertManages(p, event, ['meetingId']);
    return { meeting, schedule, event };
  }

  private async registrationsFor(event: EventEntity) {
    const regs = await this.events.findRegistrations(event.id);
    if (regs.length < 2)
      throw badInput(
        `needs at least 2 participants, has ${regs.length}`,
        ['eventId'],
        'too_few_participants',
      );
    return regs;
  }

  private async optimise(problem: ScheduleProblem): Promise<ScheduleResult> {
    try {
      // Best effort: the organiser gets a plan listing who could not be placed and why.
      return await optimiseSchedule(problem, { bestEffort: true });
    } catch (err) {
      throw asDomainError(err);
    }
  }

  private async explainOrNull(
    ids: readonly string[],
    fallback: MeetingExplanation | null,
  ): Promise<MeetingExplanation | null> {
    try {
      return (await this.weights.forActors(ids)).explain(ids);
    } catch {
      return fallback;
    }
  }
}

function asDomainError(err: unknown): unknown {
  if (err instanceof ScheduleInfeasibleError) {
    return new BadInputError(err.message, {
      field: ['eventId'],
      reason: 'schedule_infeasible',
      problems: err.reasons.map((r) => ({
        field: ['registrations', r.participantId],
        reason: r.code,
        message: r.reason,
      })),
    });
  }
  if (err instanceof ScheduleInputError)
    return new BadInputError(err.message, { field: ['eventId'], reason: 'schedule_input' });
  return err;
}

/** Meetings of rounds ≥ fromRound0 (0-based) as rows (1-based rounds). */
function meetingsOf(
  result: ScheduleResult,
  fromRound0: number,
  explain: EventWeights['explain'] | ((ids: readonly string[]) => MeetingExplanation | null),
  keepLocked: boolean,
): NewMeeting[] {
  return result.rounds
    .filter((r) => r.round >= fromRound0)
    .flatMap((r) =>
      r.meetings.map((m) => ({
        round: r.round + 1,
        tableNumber: m.table,
        participantIds: [...m.participantIds],
        score: m.score,
        explanation: explain(m.participantIds),
        locked: keepLocked ? !!m.locked : false,
      })),
    );
}

function meetingScore(w: StoredWeights, ids: readonly string[]): number {
  const slot = new Map(w.ids.map((id, i) => [id, i]));
  let total = 0;
  for (const [a, b] of pairsIn(ids)) {
    const i = slot.get(a);
    const j = slot.get(b);
    if (i !== undefined && j !== undefined)
      total += (w.weights[triangleIndex(w.ids.length, i, j)] ?? 0) / WEIGHT_SCALE;
  }
  return quantise(total) / WEIGHT_SCALE;
}

function pairsIn(ids: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i], ids[j]]);
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function explanationIndex(meetings: readonly MeetingEntity[]) {
  const out = new Map<string, MeetingExplanation['pairs'][number]>();
  for (const m of meetings)
    for (const pair of m.explanation?.pairs ?? []) out.set(pairKey(pair.a, pair.b), pair);
  return out;
}

export function toScheduleRun(run: JobRunEntity): ScheduleRun {
  const scheduleId = run.result?.scheduleId;
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    scheduleId: typeof scheduleId === 'string' ? scheduleId : null,
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}
