import { ScheduleInputError } from '../errors';
import type { MeetingFormat, ParticipantPair, ScheduleProblem } from '../types';

/** Scores are optimised as integers (score × WEIGHT_SCALE): blossom with float weights can miss the optimum. */
export const WEIGHT_SCALE = 10_000;
const WEIGHT_TOLERANCE = 1e-9;

export interface InternalLockedMeeting {
  round: number;
  members: number[];
  table?: number;
}

/**
 * The problem translated to participant indices and flat arrays, validated once. Every optimiser,
 * bound and the result builder work from this; the independent checker deliberately does not.
 */
export interface ProblemModel {
  readonly problem: ScheduleProblem;
  readonly format: MeetingFormat;
  readonly n: number;
  readonly roundCount: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** 0 = no side, 1 = A, 2 = B. */
  readonly side: Int8Array;
  /** available[v * roundCount + r] = 1 when v can attend round r. */
  readonly available: Uint8Array;
  /** Effective cap: min(maxMeetings, rounds). */
  readonly maxMeetings: Int32Array;
  readonly minMeetings: Int32Array;
  readonly mustNotMeet: ReadonlySet<number>;
  readonly excluded: ReadonlySet<number>;
  /** Must-meet pairs as [a, b] with a < b, deduplicated. */
  readonly mustMeet: readonly (readonly [number, number])[];
  readonly mustMeetKeys: ReadonlySet<number>;
  /** Tables (or simultaneous meetings) per round; Infinity when uncapped. */
  readonly tablesPerRound: number;
  readonly fixedRounds: number;
  readonly locked: readonly InternalLockedMeeting[];
  /** Seats per table: 2 for one-to-one/bipartite (3 for a trio), `seats` for the tables format. */
  readonly seats: number;
  pairKey(a: number, b: number): number;
  /** True when a and b may ever be seated together (not forbidden, not same side in bipartite). */
  pairAllowed(a: number, b: number): boolean;
  /** Validated pair weight in [0, 1]; 0 for pairs absent from a sparse candidate list. */
  pairWeight(a: number, b: number): number;
  /** Pairs listed in a sparse candidate list (key -> weight); null when a weight function is given. */
  readonly sparseWeights: ReadonlyMap<number, number> | null;
}

export function buildProblemModel(problem: ScheduleProblem): ProblemModel {
  const roundCount = problem.rounds;
  if (!Number.isInteger(roundCount) || roundCount < 1)
    throw new ScheduleInputError('rounds must be an integer >= 1');
  const format = problem.format;
  let seats = 2;
  if (format.kind === 'tables') {
    if (!Number.isInteger(format.seats) || format.seats < 3 || format.seats > 6) {
      throw new ScheduleInputError('tables format needs seats between 3 and 6');
    }
    seats = format.seats;
  }
  const n = problem.participants.length;
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const side = new Int8Array(n);
  const available = new Uint8Array(n * roundCount);
  const maxMeetings = new Int32Array(n);
  const minMeetings = new Int32Array(n);
  const fixedRounds = problem.fixedRounds ?? 0;
  if (!Number.isInteger(fixedRounds) || fixedRounds < 0 || fixedRounds > roundCount) {
    throw new ScheduleInputError('fixedRounds must be an integer in [0, rounds]');
  }

  problem.participants.forEach((p, v) => {
    if (indexOf.has(p.id)) throw new ScheduleInputError(`duplicate participant id ${p.id}`);
    indexOf.set(p.id, v);
    ids.push(p.id);
    if (p.side === 'A') side[v] = 1;
    else if (p.side === 'B') side[v] = 2;
    else if (format.kind === 'bipartite') throw new ScheduleInputError(`participant ${p.id} has no side`);
    const rounds = p.availableRounds ?? null;
    for (let r = 0; r < roundCount; r++) available[v * roundCount + r] = rounds === null ? 1 : 0;
    if (rounds !== null) {
      for (const r of rounds) {
        if (!Number.isInteger(r) || r < 0 || r >= roundCount) {
          throw new ScheduleInputError(`participant ${p.id}: available round ${r} out of range`);
        }
        available[v * roundCount + r] = 1;
      }
    }
    const max = p.maxMeetings ?? roundCount;
    const min = p.minMeetings ?? 0;
    if (!Number.isInteger(max) || max < 0 || !Number.isInteger(min) || min < 0) {
      throw new ScheduleInputError(`participant ${p.id}: min/max meetings must be non-negative integers`);
    }
    maxMeetings[v] = Math.min(max, roundCount);
    minMeetings[v] = min;
  });

  const pairKey = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const resolvePairs = (pairs: readonly ParticipantPair[] | undefined, what: string): [number, number][] =>
    (pairs ?? []).map(([x, y]) => {
      const a = indexOf.get(x);
      const b = indexOf.get(y);
      if (a === undefined || b === undefined)
        throw new ScheduleInputError(`${what}: unknown participant in ${x}/${y}`);
      if (a === b) throw new ScheduleInputError(`${what}: ${x} paired with itself`);
      return a < b ? [a, b] : [b, a];
    });
  const mustNotMeet = new Set(
    resolvePairs(problem.mustNotMeet, 'mustNotMeet').map(([a, b]) => pairKey(a, b)),
  );
  const excluded = new Set(
    resolvePairs(problem.excludedPairs, 'excludedPairs').map(([a, b]) => pairKey(a, b)),
  );
  const mustMeetKeys = new Set<number>();
  const mustMeet: [number, number][] = [];
  for (const [a, b] of resolvePairs(problem.mustMeet, 'mustMeet')) {
    const key = pairKey(a, b);
    if (mustMeetKeys.has(key)) continue;
    mustMeetKeys.add(key);
    mustMeet.push([a, b]);
  }

  const tables = problem.tables;
  if (tables !== undefined && (!Number.isInteger(tables) || tables < 0)) {
    throw new ScheduleInputError('tables must be a non-negative integer');
  }
  const maxLockedSize = format.kind === 'tables' ? seats : format.kind === 'one-to-one' ? 3 : 2;
  const lockedSeat = new Set<number>();
  const locked: InternalLockedMeeting[] = (problem.locked ?? []).map((m) => {
    if (!Number.isInteger(m.round) || m.round < 0 || m.round >= roundCount) {
      throw new ScheduleInputError(`locked meeting in round ${m.round}: out of range`);
    }
    const members = m.participantIds.map((id) => {
      const v = indexOf.get(id);
      if (v === undefined) throw new ScheduleInputError(`locked meeting: unknown participant ${id}`);
      return v;
    });
    if (members.length < 2 || members.length > maxLockedSize || new Set(members).size !== members.length) {
      throw new ScheduleInputError(
        `locked meeting in round ${m.round}: needs 2..${maxLockedSize} distinct participants`,
      );
    }
    if (m.table !== undefined && (!Number.isInteger(m.table) || m.table < 1)) {
      throw new ScheduleInputError(`locked meeting in round ${m.round}: table numbers start at 1`);
    }
    for (const v of members) {
      const slot = v * roundCount + m.round;
      if (lockedSeat.has(slot)) throw new ScheduleInputError(`${ids[v]} is locked twice in round ${m.round}`);
      lockedSeat.add(slot);
    }
    return { round: m.round, members, table: m.table };
  });

  let sparseWeights: Map<number, number> | null = null;
  const weightInput = problem.weight;
  if (typeof weightInput !== 'function') {
    sparseWeights = new Map();
    for (const c of weightInput) {
      const a = indexOf.get(c.a);
      const b = indexOf.get(c.b);
      if (a === undefined || b === undefined)
        throw new ScheduleInputError(`candidate pair ${c.a}/${c.b}: unknown participant`);
      if (a === b) throw new ScheduleInputError(`candidate pair ${c.a}/${c.b}: same participant`);
      sparseWeights.set(pairKey(a, b), checkWeight(c.weight, c.a, c.b));
    }
  }
  const weightFn = typeof weightInput === 'function' ? weightInput : null;
  const sparse = sparseWeights;
  const pairWeight = (a: number, b: number): number => {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (weightFn !== null) return checkWeight(weightFn(lo, hi), ids[lo], ids[hi]);
    return (sparse as Map<number, number>).get(lo * n + hi) ?? 0;
  };
  const bipartite = format.kind === 'bipartite';
  const pairAllowed = (a: number, b: number): boolean => {
    if (a === b) return false;
    if (bipartite && side[a] === side[b]) return false;
    const key = pairKey(a, b);
    return !mustNotMeet.has(key) && !excluded.has(key);
  };

  return {
    problem,
    format,
    n,
    roundCount,
    ids,
    indexOf,
    side,
    available,
    maxMeetings,
    minMeetings,
    mustNotMeet,
    excluded,
    mustMeet,
    mustMeetKeys,
    tablesPerRound: tables ?? Number.POSITIVE_INFINITY,
    fixedRounds,
    locked,
    seats,
    pairKey,
    pairAllowed,
    pairWeight,
    sparseWeights,
  };
}

function checkWeight(w: number, a: string, b: string): number {
  if (!Number.isFinite(w) || w < -WEIGHT_TOLERANCE || w > 1 + WEIGHT_TOLERANCE) {
    throw new ScheduleInputError(`weight of ${a}/${b} must be in [0, 1], got ${w}`);
  }
  return w < 0 ? 0 : w > 1 ? 1 : w;
}

/** Integer score used by the optimisers. */
export function scaleWeight(w: number): number {
  return Math.round(w * WEIGHT_SCALE);
}
