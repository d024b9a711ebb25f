import type { CandidateGraph } from './candidate-graph';
import type { InternalPlan } from './plan';
import type { ProblemModel } from './problem-model';

/** What participant v does in round r (slot array values below 0; >= 0 is a candidate edge index). */
export const SLOT_FREE = -1;
export const SLOT_LOCKED = -2;
export const SLOT_TRIO_JOINER = -3;

export interface TrioSeat {
  joiner: number;
  /** The pair meeting (candidate edge) the joiner sits with. */
  edge: number;
}

/**
 * Mutable one-to-one/bipartite schedule: which candidate edge each participant uses in each
 * round, meeting counts, and pairs already met. Shared by the optimiser and the greedy baseline so
 * both obey exactly the same constraints.
 */
export class PairingState {
  readonly n: number;
  readonly rounds: number;
  /** Round in which candidate edge e is scheduled, or -1. */
  readonly edgeRound: Int32Array;
  /** slot[v * rounds + r]: candidate edge, or SLOT_*. */
  readonly slot: Int32Array;
  readonly meetings: Int32Array;
  readonly roundEdges: number[][];
  readonly roundTrios: TrioSeat[][];
  /** Locked meetings per round, kept verbatim. */
  readonly roundLocked: { members: number[]; table?: number }[][];
  /** Met pairs that are not candidate edges (locked meetings, trio side pairs). */
  readonly extraMet = new Map<number, number>();
  /** Rounds whose content is decided (fixed rounds, and rounds already built in construction). */
  readonly planned: Uint8Array;

  constructor(
    readonly model: ProblemModel,
    readonly graph: CandidateGraph,
  ) {
    this.n = model.n;
    this.rounds = model.roundCount;
    this.edgeRound = new Int32Array(graph.edgeCount).fill(-1);
    this.slot = new Int32Array(this.n * this.rounds).fill(SLOT_FREE);
    this.meetings = new Int32Array(this.n);
    this.roundEdges = Array.from({ length: this.rounds }, () => []);
    this.roundTrios = Array.from({ length: this.rounds }, () => []);
    this.roundLocked = Array.from({ length: this.rounds }, () => []);
    this.planned = new Uint8Array(this.rounds);
    for (let r = 0; r < model.fixedRounds; r++) this.planned[r] = 1;
    for (const meeting of model.locked) {
      this.roundLocked[meeting.round].push({ members: meeting.members, table: meeting.table });
      for (const v of meeting.members) {
        this.slot[v * this.rounds + meeting.round] = SLOT_LOCKED;
        this.meetings[v]++;
      }
      forEachPair(meeting.members, (a, b) => this.markExtraMet(a, b, +1));
    }
  }

  /** Pairs met in locked meetings: they must not become candidates. */
  static lockedPairKeys(model: ProblemModel): Set<number> {
    const keys = new Set<number>();
    for (const meeting of model.locked) forEachPair(meeting.members, (a, b) => keys.add(model.pairKey(a, b)));
    return keys;
  }

  isFree(v: number, r: number): boolean {
    return this.slot[v * this.rounds + r] === SLOT_FREE;
  }

  /** v could take a new meeting in round r. */
  canMeetIn(v: number, r: number): boolean {
    return (
      r >= this.model.fixedRounds &&
      this.model.available[v * this.rounds + r] === 1 &&
      this.slot[v * this.rounds + r] === SLOT_FREE &&
      this.meetings[v] < this.model.maxMeetings[v]
    );
  }

  pairMet(a: number, b: number): boolean {
    const key = this.model.pairKey(a, b);
    const e = this.graph.edgeByKey.get(key);
    if (e !== undefined && this.edgeRound[e] >= 0) return true;
    return (this.extraMet.get(key) ?? 0) > 0;
  }

  addPair(r: number, e: number): void {
    const a = this.graph.from[e];
    const b = this.graph.to[e];
    this.edgeRound[e] = r;
    this.slot[a * this.rounds + r] = e;
    this.slot[b * this.rounds + r] = e;
    this.meetings[a]++;
    this.meetings[b]++;
    this.roundEdges[r].push(e);
  }

  /** Removes one pair meeting (without a third person) from round r. */
  removePair(r: number, e: number): void {
    const a = this.graph.from[e];
    const b = this.graph.to[e];
    this.edgeRound[e] = -1;
    this.slot[a * this.rounds + r] = SLOT_FREE;
    this.slot[b * this.rounds + r] = SLOT_FREE;
    this.meetings[a]--;
    this.meetings[b]--;
    this.roundEdges[r] = this.roundEdges[r].filter((x) => x !== e);
  }

  addTrio(r: number, joiner: number, e: number): void {
    this.slot[joiner * this.rounds + r] = SLOT_TRIO_JOINER;
    this.meetings[joiner]++;
    this.roundTrios[r].push({ joiner, edge: e });
    this.markSidePairs(joiner, e, +1);
  }

  /** Removes every non-locked meeting of round r (before re-optimising it). */
  clearRound(r: number): void {
    for (const { joiner, edge } of this.roundTrios[r]) {
      this.slot[joiner * this.rounds + r] = SLOT_FREE;
      this.meetings[joiner]--;
      this.markSidePairs(joiner, edge, -1);
    }
    this.roundTrios[r] = [];
    for (const e of this.roundEdges[r]) {
      const a = this.graph.from[e];
      const b = this.graph.to[e];
      this.edgeRound[e] = -1;
      this.slot[a * this.rounds + r] = SLOT_FREE;
      this.slot[b * this.rounds + r] = SLOT_FREE;
      this.meetings[a]--;
      this.meetings[b]--;
    }
    this.roundEdges[r] = [];
  }

  /** Meetings v may sit out without missing its target of min(maxMeetings, available rounds). */
  sitOutAllowance(v: number): number {
    let available = 0;
    for (let r = 0; r < this.rounds; r++) available += this.model.available[v * this.rounds + r];
    return Math.max(0, available - this.model.maxMeetings[v]);
  }

  /** Rounds other than `exceptRound` already decided where v was available but not seated. */
  sitOuts(v: number, exceptRound: number): number {
    let count = 0;
    const base = v * this.rounds;
    for (let r = 0; r < this.rounds; r++) {
      if (r === exceptRound || !this.planned[r] || !this.model.available[base + r]) continue;
      if (this.slot[base + r] === SLOT_FREE) count++;
    }
    return count;
  }

  /** Open rounds from `fromRound` on, not yet decided, where v is available and free. */
  openRoundsAhead(v: number, fromRound: number): number {
    let count = 0;
    const base = v * this.rounds;
    for (let r = Math.max(fromRound, this.model.fixedRounds); r < this.rounds; r++) {
      if (
        (r === fromRound || !this.planned[r]) &&
        this.model.available[base + r] &&
        this.slot[base + r] === SLOT_FREE
      ) {
        count++;
      }
    }
    return count;
  }

  /** Open undecided rounds from `fromRound` on where both a and b are available and free. */
  commonRoundsAhead(a: number, b: number, fromRound: number): number {
    let count = 0;
    const R = this.rounds;
    for (let r = Math.max(fromRound, this.model.fixedRounds); r < R; r++) {
      if (r !== fromRound && this.planned[r]) continue;
      if (
        this.model.available[a * R + r] &&
        this.model.available[b * R + r] &&
        this.slot[a * R + r] === SLOT_FREE
      ) {
        if (this.slot[b * R + r] === SLOT_FREE) count++;
      }
    }
    return count;
  }

  lockedCount(r: number): number {
    return this.roundLocked[r].length;
  }

  toPlan(): InternalPlan {
    const plan: InternalPlan = [];
    for (let r = 0; r < this.rounds; r++) {
      const meetings = this.roundLocked[r].map((m) => ({
        members: [...m.members],
        locked: true,
        table: m.table,
      }));
      const joinerOf = new Map<number, number>();
      for (const { joiner, edge } of this.roundTrios[r]) joinerOf.set(edge, joiner);
      for (const e of this.roundEdges[r]) {
        const members = [this.graph.from[e], this.graph.to[e]];
        const joiner = joinerOf.get(e);
        if (joiner !== undefined) members.push(joiner);
        meetings.push({ members, locked: false, table: undefined });
      }
      plan.push(meetings);
    }
    return plan;
  }

  private markSidePairs(joiner: number, e: number, delta: number): void {
    this.markPairMet(joiner, this.graph.from[e], delta);
    this.markPairMet(joiner, this.graph.to[e], delta);
  }

  /** Records a met pair: on the candidate edge when there is one, else in extraMet. */
  private markPairMet(a: number, b: number, delta: number): void {
    const e = this.graph.edgeByKey.get(this.model.pairKey(a, b));
    if (e !== undefined) {
      // A trio side pair: mark the edge used (with an out-of-range round) so no round re-schedules it.
      this.edgeRound[e] = delta > 0 ? this.rounds : -1;
      return;
    }
    this.markExtraMet(a, b, delta);
  }

  private markExtraMet(a: number, b: number, delta: number): void {
    const key = this.model.pairKey(a, b);
    const count = (this.extraMet.get(key) ?? 0) + delta;
    if (count > 0) this.extraMet.set(key, count);
    else this.extraMet.delete(key);
  }
}

export function forEachPair(members: readonly number[], visit: (a: number, b: number) => void): void {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) visit(members[i], members[j]);
  }
}
