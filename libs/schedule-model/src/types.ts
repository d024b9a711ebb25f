/**
 * Public shapes of the schedule optimiser. Plain data in, plain data out: no Nest, no database.
 *
 * Conventions: rounds are 0-based; table numbers are 1-based (what is printed on a table card);
 * participants are referred to by id in inputs and outputs, and by their index in
 * `ScheduleProblem.participants` only in the weight callback (for speed).
 */

export type ParticipantId = string;
export type Side = 'A' | 'B';
/** Unordered pair of participant ids. */
export type ParticipantPair = readonly [ParticipantId, ParticipantId];

export interface Participant {
  id: ParticipantId;
  /** Required for the bipartite format (e.g. A = associations, B = companies). */
  side?: Side;
  /** 0-based rounds this participant can attend; all rounds when omitted. */
  availableRounds?: readonly number[];
  /** Fair exposure floor; honoured when feasible (an error, or `unplaced` in best-effort mode, otherwise). */
  minMeetings?: number;
  maxMeetings?: number;
}

export type MeetingFormat =
  /** Any-to-any rotating pairs. `oddOneOut: 'trio'` seats an unmatched participant with an existing pair. */
  | { kind: 'one-to-one'; oddOneOut?: 'break' | 'trio' }
  /** Pairs with one participant from side A and one from side B. */
  | { kind: 'bipartite' }
  /** Small tables: everybody at a table meets everybody else at it. */
  | { kind: 'tables'; seats: number };

/** Complementarity of two participants, by index, in [0, 1]; must be symmetric. */
export type PairWeightFunction = (aIndex: number, bIndex: number) => number;

/** Sparse alternative to the weight function: pairs not listed have weight 0 and are never proposed. */
export interface CandidatePair {
  a: ParticipantId;
  b: ParticipantId;
  /** In [0, 1]. */
  weight: number;
}

/** A meeting the optimiser must keep as is (e.g. set by the organiser, or already played). */
export interface LockedMeeting {
  round: number;
  participantIds: readonly ParticipantId[];
  /** 1-based table number; assigned by the optimiser when omitted. */
  table?: number;
}

export interface ScheduleProblem {
  participants: readonly Participant[];
  rounds: number;
  format: MeetingFormat;
  /** Max simultaneous meetings (one-to-one/bipartite) or tables (tables format) per round. */
  tables?: number;
  weight: PairWeightFunction | readonly CandidatePair[];
  mustMeet?: readonly ParticipantPair[];
  mustNotMeet?: readonly ParticipantPair[];
  /** Pairs already allied or that met at a previous event: never proposed. */
  excludedPairs?: readonly ParticipantPair[];
  locked?: readonly LockedMeeting[];
  /**
   * Rounds `< fixedRounds` are already played: only their locked meetings exist and nothing is
   * added to them. Used by live re-pairing.
   */
  fixedRounds?: number;
  /** Seeds every tie-break and randomised choice: same problem + seed = same schedule. */
  seed: number;
}

export interface OptimiseOptions {
  /** Return a plan listing what could not be honoured instead of throwing ScheduleInfeasibleError. */
  bestEffort?: boolean;
  /**
   * Candidate partners kept per participant (top-K by weight, plus must-meet pairs). Default 40 up
   * to 300 participants, 60 above.
   */
  candidatesPerParticipant?: number;
  /**
   * Pair formats: weight (on the [0, 1] score scale) of fair exposure. A participant who sat out k
   * rounds more than allowed gets k times this bonus on each of its edges. Default 0.5. (Tables
   * seat first, when seats are short, whoever sat out most.)
   */
  fairnessBonus?: number;
  /**
   * 'lp' (default): solve the pair LP first and steer each round's matching towards its optimal
   * pairs (look-ahead across rounds). 'none': plain round-by-round matching (no solver needed).
   */
  guidance?: 'lp' | 'none';
  /** Maximum improvement passes over all rounds. Default 3. */
  maxImprovementPasses?: number;
  /**
   * Work budget of the improvement passes, in round re-solves (deterministic, unlike a time limit).
   * Default: one pass (= rounds) up to 300 participants, none above (gain < 0.05%, cost more
   * than the construction).
   */
  improvementRounds?: number;
  /** Optional wall-clock cap on the improvement moves, in ms. When it binds, results depend on machine speed. */
  improvementTimeMs?: number;
}

/** Machine-readable cause attached to every unplaced participant, break or infeasibility. */
export type ReasonCode =
  | 'must-meet-conflict'
  | 'must-meet-not-scheduled'
  | 'must-meet-unavailable'
  | 'too-many-must-meets'
  | 'min-meetings-unreachable'
  | 'min-meetings-not-reached'
  | 'invalid-input'
  | 'too-few-tables'
  | 'locked-conflict'
  /** Tables format only: a pair had to sit together twice. */
  | 'repeated-pair';

export interface Unplaced {
  participantId: ParticipantId;
  code: ReasonCode;
  /** Human-readable explanation for the organiser. */
  reason: string;
}

export type BreakReason =
  | 'unavailable'
  | 'absent'
  /** Odd number of participants, or more on one side than the other (bipartite). */
  | 'uneven-count'
  | 'max-meetings-reached'
  | 'table-cap'
  | 'no-compatible-partner'
  | 'round-played';

export interface Meeting {
  /** 1-based table number, unique within the round. */
  table: number;
  participantIds: ParticipantId[];
  /** Sum of the pair weights inside the meeting (one pair for a one-to-one meeting). */
  score: number;
  locked?: boolean;
}

export interface RoundBreak {
  participantId: ParticipantId;
  reason: BreakReason;
}

export interface RoundPlan {
  round: number;
  meetings: Meeting[];
  /** Every participant not in a meeting this round appears here: nobody is silently dropped. */
  breaks: RoundBreak[];
}

export interface ScheduleStats {
  participants: number;
  rounds: number;
  candidateEdges: number;
  matchingsSolved: number;
  improvementPasses: number;
  /** Score gained by the improvement passes over the round-by-round construction. */
  improvementGain: number;
  elapsedMs: number;
  /** Wall-clock time per phase (candidate graph, LP guidance, construction, improvement). */
  phaseMs: Record<string, number>;
  meetings: number;
  /**
   * Pairs seated together in more than one round (only small tables can repeat a pair: the
   * heuristic trades a repeat for a penalty when no repeat-free seating is found). 0 otherwise.
   */
  repeatedPairs?: number;
  /** For re-pairing: meetings of the re-planned rounds that kept the same partners as before. */
  keptMeetings?: number;
}

export interface ScheduleResult {
  rounds: RoundPlan[];
  /** Sum of pair weights over all meetings, each pair counted once. */
  totalScore: number;
  perParticipant: { id: ParticipantId; meetings: number; score: number }[];
  unplaced: Unplaced[];
  algorithm: string;
  stats: ScheduleStats;
}

/** One checker finding. `participantIds` names who is affected; `round` when it is round-specific. */
export interface Violation {
  kind:
    | 'unknown-participant'
    | 'pair-twice'
    | 'unavailable-round'
    | 'must-not-meet'
    | 'excluded-pair'
    | 'over-max-meetings'
    | 'under-min-meetings'
    | 'table-cap'
    | 'participant-twice-in-round'
    | 'must-meet-missing'
    | 'same-side'
    | 'table-size'
    | 'duplicate-table-number'
    | 'locked-meeting-missing'
    | 'fixed-round-changed'
    | 'participant-missing-from-round'
    | 'score-mismatch';
  round?: number;
  participantIds: ParticipantId[];
  message: string;
}
