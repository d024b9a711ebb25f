import {
  buildProblemModel,
  ScheduleInputError,
  WEIGHT_SCALE,
  type CandidateGraph,
  type LockedMeeting,
  type OptimiseOptions,
  type Participant,
  type ScheduleProblem,
  type ScheduleResult,
} from '@maillage/schedule-model';
import { runOptimiser } from '../optimise-schedule';

export interface RepairRequest {
  /** First round to re-plan; rounds before it are kept exactly as in `previous` (played). */
  fromRound: number;
  /** Participants gone (no-shows, departures): no meeting from `fromRound` on. */
  absentIds?: readonly string[];
  /** Participants arriving late: no meeting before `lateUntilRound`. */
  lateIds?: readonly string[];
  /** First round late participants can attend. Default fromRound + 1. */
  lateUntilRound?: number;
}

export interface RepairOptions extends OptimiseOptions {
  /**
   * Bonus (score scale) for keeping a pair planned in the same round before: participants hold
   * printed agendas, so only the meetings touched by absences should move. Default 0.3.
   */
  stabilityBonus?: number;
}

const DEFAULT_STABILITY_BONUS = 0.3;

/**
 * Live re-pairing between rounds: keeps rounds < fromRound and the locked meetings (minus those
 * involving absent participants), removes absent and late participants from the rounds they
 * miss, and re-plans rounds fromRound..R-1, preferring to keep previously planned pairs. Best
 * effort by default: a must-meet made impossible by an absence is reported in `unplaced`.
 */
export async function repairSchedule(
  problem: ScheduleProblem,
  previous: ScheduleResult,
  request: RepairRequest,
  options: RepairOptions = {},
): Promise<ScheduleResult> {
  const { fromRound } = request;
  const repaired = buildRepairProblem(problem, previous, request);
  const absent = new Set(request.absentIds ?? []);
  const model = buildProblemModel(repaired);

  // Pairs planned before, per round, to reward keeping them.
  const previousPairs: Set<number>[] = Array.from({ length: problem.rounds }, () => new Set());
  const previousMeetings: Set<string>[] = Array.from({ length: problem.rounds }, () => new Set());
  for (const round of previous.rounds) {
    if (round.round < fromRound || round.round >= problem.rounds) continue;
    for (const m of round.meetings) {
      previousMeetings[round.round].add(meetingKey(m.participantIds));
      const members = m.participantIds
        .map((id) => model.indexOf.get(id))
        .filter((v): v is number => v !== undefined);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++)
          previousPairs[round.round].add(model.pairKey(members[i], members[j]));
      }
    }
  }
  const bonus = Math.round((options.stabilityBonus ?? DEFAULT_STABILITY_BONUS) * WEIGHT_SCALE);
  const roundEdgeBonus = (graph: CandidateGraph, round: number): Float64Array | null => {
    const keep = previousPairs[round];
    if (keep.size === 0 || bonus === 0) return null;
    const extra = new Float64Array(graph.edgeCount);
    for (const key of keep) {
      const e = graph.edgeByKey.get(key);
      if (e !== undefined) extra[e] = bonus;
    }
    return extra;
  };

  return runOptimiser(
    model,
    // Improvement passes optimise the score alone and would reshuffle agendas: off when re-pairing.
    { ...options, bestEffort: options.bestEffort ?? true, improvementRounds: options.improvementRounds ?? 0 },
    {
      roundEdgeBonus,
      breakReasonOverride: (v, round) =>
        round >= fromRound && absent.has(model.ids[v]) ? 'absent' : undefined,
      extraStats: (plan) => {
        let kept = 0;
        plan.forEach((meetings, round) => {
          if (round < fromRound) return;
          for (const m of meetings) {
            if (!m.locked && previousMeetings[round].has(meetingKey(m.members.map((v) => model.ids[v]))))
              kept++;
          }
        });
        return { keptMeetings: kept };
      },
      algorithmSuffix: ` (re-pairing from round ${fromRound})`,
    },
  );
}

/**
 * The problem actually re-optimised by repairSchedule: played rounds as locked meetings and
 * `fixedRounds`, absent/late participants' availability trimmed. Exposed so callers can check a
 * repaired schedule against it with checkSchedule.
 */
export function buildRepairProblem(
  problem: ScheduleProblem,
  previous: ScheduleResult,
  request: RepairRequest,
): ScheduleProblem {
  const { fromRound } = request;
  if (!Number.isInteger(fromRound) || fromRound < 0 || fromRound > problem.rounds) {
    throw new ScheduleInputError(`fromRound must be in [0, ${problem.rounds}]`);
  }
  const known = new Set(problem.participants.map((p) => p.id));
  const absent = new Set(request.absentIds ?? []);
  const late = new Set(request.lateIds ?? []);
  for (const id of [...absent, ...late])
    if (!known.has(id)) throw new ScheduleInputError(`unknown participant ${id}`);
  const lateUntil = request.lateUntilRound ?? fromRound + 1;
  const missing = (id: string, round: number): boolean =>
    round >= fromRound && (absent.has(id) || (late.has(id) && round < lateUntil));

  const participants: Participant[] = problem.participants.map((p) => {
    if (!absent.has(p.id) && !late.has(p.id)) return p;
    const rounds = p.availableRounds ?? Array.from({ length: problem.rounds }, (_, r) => r);
    return {
      ...p,
      availableRounds: rounds.filter((r) => !missing(p.id, r)),
      // A participant who left cannot be owed meetings any more.
      minMeetings: absent.has(p.id) ? 0 : p.minMeetings,
    };
  });
  const played: LockedMeeting[] = previous.rounds
    .filter((round) => round.round < fromRound)
    .flatMap((round) =>
      round.meetings.map((m) => ({ round: round.round, participantIds: m.participantIds, table: m.table })),
    );
  const stillLocked = (problem.locked ?? []).filter(
    (m) => m.round >= fromRound && !m.participantIds.some((id) => missing(id, m.round)),
  );
  return { ...problem, participants, locked: [...played, ...stillLocked], fixedRounds: fromRound };
}

function meetingKey(ids: readonly string[]): string {
  return [...ids].sort().join('\u0000');
}
