import type {
  BreakReason,
  Meeting,
  RoundBreak,
  RoundPlan,
  ScheduleResult,
  ScheduleStats,
  Unplaced,
} from '../types';
import { planScore, type InternalPlan } from './plan';
import type { ProblemModel } from './problem-model';

export interface ResultMeta {
  algorithm: string;
  unplaced: Unplaced[];
  stats: Omit<ScheduleStats, 'participants' | 'rounds' | 'meetings' | 'elapsedMs'>;
  startedAt: number;
  /** Lets re-pairing say "absent" rather than "unavailable". */
  breakReasonOverride?: (v: number, round: number) => BreakReason | undefined;
}

/** Turns an internal plan into the public result: table numbers, scores, explicit breaks. */
export function buildScheduleResult(
  model: ProblemModel,
  plan: InternalPlan,
  meta: ResultMeta,
): ScheduleResult {
  const { n, roundCount: R, ids } = model;
  const meetingsOf = new Int32Array(n);
  const scoreOf = new Float64Array(n);
  for (const round of plan) {
    for (const meeting of round) {
      for (const v of meeting.members) meetingsOf[v]++;
      const m = meeting.members;
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const w = model.pairWeight(m[i], m[j]);
          scoreOf[m[i]] += w;
          scoreOf[m[j]] += w;
        }
      }
    }
  }

  const rounds: RoundPlan[] = plan.map((round, r) => {
    const scored = round.map((meeting) => ({ meeting, score: meetingScore(model, meeting.members) }));
    const taken = new Set<number>();
    for (const { meeting } of scored) if (meeting.table !== undefined) taken.add(meeting.table);
    // Best meetings get the lowest table numbers (near the entrance on most floor plans).
    const unnumbered = scored
      .filter(({ meeting }) => meeting.table === undefined)
      .sort((x, y) => y.score - x.score || Math.min(...x.meeting.members) - Math.min(...y.meeting.members));
    let next = 1;
    const tableOf = new Map<(typeof scored)[number], number>();
    for (const item of unnumbered) {
      while (taken.has(next)) next++;
      tableOf.set(item, next);
      taken.add(next);
    }
    const meetings: Meeting[] = scored
      .map((item) => ({
        table: item.meeting.table ?? (tableOf.get(item) as number),
        participantIds: item.meeting.members.map((v) => ids[v]),
        score: round6(item.score),
        ...(item.meeting.locked ? { locked: true } : {}),
      }))
      .sort((x, y) => x.table - y.table);

    const seated = new Uint8Array(n);
    for (const meeting of round) for (const v of meeting.members) seated[v] = 1;
    const idle: number[] = [];
    for (let v = 0; v < n; v++) if (!seated[v]) idle.push(v);
    const waiting = idle.filter(
      (v) => r >= model.fixedRounds && model.available[v * R + r] && meetingsOf[v] < model.maxMeetings[v],
    );
    const breaks: RoundBreak[] = idle.map((v) => ({ participantId: ids[v], reason: breakReason(v) }));
    return { round: r, meetings, breaks };

    function breakReason(v: number): BreakReason {
      const override = meta.breakReasonOverride?.(v, r);
      if (override !== undefined) return override;
      if (r < model.fixedRounds) return 'round-played';
      if (!model.available[v * R + r]) return 'unavailable';
      if (meetingsOf[v] >= model.maxMeetings[v]) return 'max-meetings-reached';
      if (round.length >= model.tablesPerRound) return 'table-cap';
      // Nobody left to pair with: an odd count, or more people on one side (bipartite).
      if (waiting.length === 1) return 'uneven-count';
      if (model.format.kind === 'bipartite' && waiting.every((u) => model.side[u] === model.side[v]))
        return 'uneven-count';
      return 'no-compatible-partner';
    }
  });

  let meetingCount = 0;
  for (const round of plan) meetingCount += round.length;
  const sittings = new Map<number, number>();
  for (const round of plan) {
    for (const { members: m } of round) {
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const key = model.pairKey(m[i], m[j]);
          sittings.set(key, (sittings.get(key) ?? 0) + 1);
        }
      }
    }
  }
  let repeatedPairs = 0;
  for (const count of sittings.values()) if (count > 1) repeatedPairs++;
  return {
    rounds,
    totalScore: round6(planScore(plan, model.pairWeight, n)),
    perParticipant: ids.map((id, v) => ({ id, meetings: meetingsOf[v], score: round6(scoreOf[v]) })),
    unplaced: meta.unplaced,
    algorithm: meta.algorithm,
    stats: {
      participants: n,
      rounds: R,
      meetings: meetingCount,
      repeatedPairs,
      elapsedMs: Date.now() - meta.startedAt,
      ...meta.stats,
    },
  };
}

function meetingScore(model: ProblemModel, members: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) score += model.pairWeight(members[i], members[j]);
  }
  return score;
}

/** Scores are reported to 6 decimals: enough for [0, 1] weights, no float noise in JSON. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
